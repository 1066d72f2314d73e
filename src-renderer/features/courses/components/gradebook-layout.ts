/** Fixed sizes, in pixels: the virtualiser needs a row height, and header and rows must line up. */
export const ROW_HEIGHT = 44;
export const NAME_WIDTH = 200;
export const CELL_WIDTH = 120;
export const AVERAGE_WIDTH = 100;
