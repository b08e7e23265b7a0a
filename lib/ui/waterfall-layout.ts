/** Shared sizes of the waterfall's columns and rows. */
export const ROW_HEIGHT = 28;
export const LABEL_COLUMN = "minmax(220px, 32%)";
export const INDENT_PX = 14;
/** Deeper rows stop moving right (a 10,000-deep chain would leave the screen); their depth shows in a badge. */
export const MAX_INDENT_LEVELS = 24;
