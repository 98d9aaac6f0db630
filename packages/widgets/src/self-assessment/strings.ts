const enGB = {
  unavailable: 'This questionnaire is not available here.',
  thereIsAProblem: 'There is a problem',
  error: 'Error:',
  /** Inline error under an unanswered question. */
  selectAnswer: 'Select an answer',
  /** Error-summary link to an unanswered question. */
  answerQuestion: (n: number, text: string) => `Answer question ${n}: ${text}`,
  anchors: (low: string, high: string, min: number, max: number) => `${min} is ${low} and ${max} is ${high}.`,
  save: 'Save my answers',
  /** The code that saves and shows results could not load (offline before it was fetched). */
  loadFailed: 'Your answers could not be saved just now. Check your connection and try again.',
};

export type SelfAssessmentStrings = typeof enGB;
export const strings: { 'en-GB': SelfAssessmentStrings } & Record<string, SelfAssessmentStrings> = { 'en-GB': enGB };
