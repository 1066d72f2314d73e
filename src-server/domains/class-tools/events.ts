import type { ChatControls } from '../../../src-shared/schemas/class-tools/chat-controls';
import type { HandsChange } from '../../../src-shared/schemas/class-tools/hands';
import type { ClassQuestion } from '../../../src-shared/schemas/class-tools/questions';

/**
 * What the live class tools tell the bus, after it is stored (merged into
 * DomainEvents). Each carries the one view every member of the class may
 * see, so delivery sends one packet per change to the session's room.
 */
export interface ClassToolEvents {
  'hands.changed': { change: HandsChange };
  'question.changed': { question: ClassQuestion };
  'chat-controls.changed': { controls: ChatControls };
}
