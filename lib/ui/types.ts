import type { Mention, MentionIndex } from '../highlight/types';

/** The highlighter as the UI sees it: the mention index plus "go to this mention". */
export interface FocusableIndex extends MentionIndex {
  /** Paints the `libya-lens-focus` highlight on the mention and scrolls it into view. */
  focus(mention: Mention): void;
}
