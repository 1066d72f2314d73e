export { chatStore } from './chat-store';
export { MessageButton, OpenChatButton } from './ChatButtons';
export { ChatNavBadge } from './ChatNavBadge';
export { ChatPage } from './ChatPage';
export { ChatMarkdown } from './markdown';
export { connectChatLive } from './chat-live';
export { useChatUnreadTotal } from './unread';
export { useChatControls } from './chat-controls';
