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

/**
 * A PDF of `pages` A4 pages whose size is about `bytes`: page 1 is one line
 * of text, every later page's content stream is padded to share the rest
 * (the weight of a scanned book), with a real cross-reference table.
 * `linearised` lays it out like "fast web view": a linearisation dictionary
 * and the cross-reference table at the start, page objects before the
 * heavy content. Otherwise the table is at the end and each page's object
 * sits just before its content, as most writers leave it.
 */
export function bookPdf({
  pages,
  bytes,
  linearised = false,
}: {
  pages: number;
  bytes: number;
  linearised?: boolean;
}): Buffer {
  const padding = Math.max(0, Math.floor((bytes - 2_000 - pages * 200) / Math.max(1, pages - 1)));
  const pageRef = (page: number) => 4 + 2 * (page - 1);
  const contentRef = (page: number) => pageRef(page) + 1;
  const size = 4 + 2 * pages + (linearised ? 1 : 0);
  const body = new Map<number, Buffer>();
  body.set(1, Buffer.from('<</Type/Catalog/Pages 2 0 R>>'));
  const kids = Array.from({ length: pages }, (_, i) => `${pageRef(i + 1)} 0 R`).join(' ');
  body.set(2, Buffer.from(`<</Type/Pages/Kids[${kids}]/Count ${pages}>>`));
  body.set(3, Buffer.from('<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>'));
  for (let page = 1; page <= pages; page++) {
    body.set(
      pageRef(page),
      Buffer.from(
        `<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents ${contentRef(page)} 0 R` +
          '/Resources<</Font<</F1 3 0 R>>>>>>',
      ),
    );
    const text = Buffer.from(`BT /F1 36 Tf 60 740 Td (Page ${page} of the book) Tj ET\n`);
    const stream = Buffer.concat([text, Buffer.alloc(page === 1 ? 0 : padding, 0x20)]);
    body.set(
      contentRef(page),
      Buffer.concat([
        Buffer.from(`<</Length ${stream.length}>>stream\n`),
        stream,
        Buffer.from('\nendstream'),
      ]),
    );
  }
  const order = linearised
    ? [1, 2, 3, ...Array.from({ length: pages }, (_, i) => pageRef(i + 1)), contentRef(1)].concat(
        Array.from({ length: pages - 1 }, (_, i) => contentRef(i + 2)),
      )
    : [1, 2, 3].concat(Array.from({ length: pages * 2 }, (_, i) => 4 + i));
  const xref = (offsets: Map<number, number>) =>
    `xref\n0 ${size}\n0000000000 65535 f \n` +
    Array.from({ length: size - 1 }, (_, i) =>
      offsets.has(i + 1)
        ? `${String(offsets.get(i + 1)).padStart(10, '0')} 00000 n \n`
        : '0000000000 65535 f \n',
    ).join('') +
    `trailer<</Size ${size}/Root 1 0 R>>\n`;
  /** Lays the file out; a linearised table at the start uses the offsets of the previous pass. */
  const lay = (head: string, table: Map<number, number>) => {
    const parts: Buffer[] = [Buffer.from(head)];
    const offsets = new Map<number, number>();
    let at = parts[0]!.length;
    const tableAt = at;
    if (linearised) {
      const bytes = Buffer.from(xref(table));
      parts.push(bytes);
      at += bytes.length;
    }
    for (const ref of order) {
      offsets.set(ref, at);
      const object = Buffer.concat([
        Buffer.from(`${ref} 0 obj`),
        body.get(ref)!,
        Buffer.from('endobj\n'),
      ]);
      parts.push(object);
      at += object.length;
    }
    if (linearised) parts.push(Buffer.from(`startxref\n${tableAt}\n%%EOF\n`));
    else parts.push(Buffer.from(xref(offsets) + `startxref\n${at}\n%%EOF\n`));
    return {
      file: Buffer.concat(parts),
      offsets,
      tableAt,
      endFirst: offsets.get(contentRef(2)) ?? at,
    };
  };
  const header = '%PDF-1.4\n';
  if (!linearised) return lay(header, new Map()).file;
  // Passes: the linearisation dictionary and the table name the file's own offsets (fixed widths).
  const n = (value: number) => String(value).padStart(10, '0');
  const linDict = (length: number, endFirst: number, table: number) =>
    `${header}${size - 1} 0 obj<</Linearized 1/L ${n(length)}/H[${n(table)} ${n(64)}]/O ${pageRef(1)}` +
    `/E ${n(endFirst)}/N ${pages}/T ${n(table)}>>endobj\n`;
  let draft = lay(linDict(1, 1, 1), new Map());
  for (let pass = 0; pass < 2; pass++)
    draft = lay(
      linDict(draft.file.length, draft.endFirst, draft.tableAt),
      new Map(draft.offsets).set(size - 1, header.length),
    );
  return draft.file;
}

/**
 * A PDF that asks for a password: an RC4 /Encrypt dictionary whose user
 * check fails for the empty password, so a reader must ask for one.
 */
export function lockedPdf(): Buffer {
  const hex = (seed: number) =>
    Array.from({ length: 32 }, (_, i) =>
      ((seed * (i + 7)) % 256).toString(16).padStart(2, '0'),
    ).join('');
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>',
    `<</Filter/Standard/V 1/R 2/O<${hex(31)}>/U<${hex(57)}>/P -4>>`,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${i + 1} 0 obj${object}endobj\n`;
  });
  const table = Buffer.byteLength(text, 'latin1');
  text +=
    `xref\n0 5\n0000000000 65535 f \n` +
    offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer<</Size 5/Root 1 0 R/Encrypt 4 0 R/ID[<${hex(3)}><${hex(3)}>]>>\nstartxref\n${table}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}
