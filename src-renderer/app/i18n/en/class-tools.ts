/** The live class's tools (panel host, raise hand, anonymous questions, chat controls). */
export const classTools = {
  'classTools.title': 'Class tools',
  'classTools.picker': 'Class tool',
  'classTools.soon': 'Coming soon.',
  'classTools.tab.hands': 'Hands',
  'classTools.tab.questions': 'Questions',
  'classTools.tab.chat': 'Chat controls',
} as const;
