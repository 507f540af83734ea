/**
 * Closed lists of values that both the content schemas and the browser modules read: the schemas
 * validate authored files against them, the checklist runner and quizzes act on them on a phone.
 */

/** What a checklist item needs as proof: nothing, a photo, a signature, or a measured value. */
export const EVIDENCE_KINDS = ['none', 'photo', 'signature', 'measurement'] as const;
/** One of {@link EVIDENCE_KINDS}. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The letters that name a quiz question's choices, in order: the first choice is `a`. */
export const CHOICE_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
/** A choice letter. */
export type ChoiceLetter = (typeof CHOICE_LETTERS)[number];
