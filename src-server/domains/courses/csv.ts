/**
 * CSV for spreadsheets, made inert. A cell that starts with = + - @ (or a
 * tab or CR) runs as a formula in Excel, LibreOffice and Sheets; and a
 * spreadsheet that splits on semicolons, tabs or pipes sees a new cell after
 * each of them, so `Smith;=1+1` hides a formula inside one quoted cell.
 * Every such start, at the beginning and after any separator, gets a leading
 * apostrophe (shown as text), and every cell is quoted.
 */
const FORMULA_CHARS = new Set(['=', '+', '-', '@', '\t', '\r']);
const SEPARATORS = new Set([',', ';', '|', '\t', '\r', '\n']);

export function csvCell(value: string): string {
  let inert = '';
  let cellStarts = true; // spaces after a separator still count as its start: some imports trim them
  for (const char of value) {
    if (cellStarts && FORMULA_CHARS.has(char)) inert += "'";
    inert += char;
    if (SEPARATORS.has(char)) cellStarts = true;
    else if (char !== ' ') cellStarts = false;
  }
  return `"${inert.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}
