/**
 * A real one-page PDF saying `text` (the hub checks uploads by their content,
 * and Chromium's viewer draws it), with `padding` bytes of an unused stream
 * after the page, to make a big file whose first page is at its start.
 */
export function pdf(text: string, padding = 0): Buffer {
  const content = `BT /F1 28 Tf 40 120 Td (${text}) Tj ET`;
  return Buffer.concat([
    Buffer.from(
      '%PDF-1.4\n' +
        '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
        '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
        '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 240]/Contents 4 0 R' +
        '/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
        `4 0 obj<</Length ${content.length}>>stream\n${content}\nendstream endobj\n` +
        '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n' +
        `6 0 obj<</Length ${padding}>>stream\n`,
    ),
    Buffer.alloc(padding, 0x20),
    Buffer.from('\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
  ]);
}
