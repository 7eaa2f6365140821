/**
 * Decompression bombs, made small: a Word file whose zip directory declares a 10-byte part that inflates
 * to `inflated` bytes, and a PDF whose page's content stream inflates to `inflated` bytes. Each is made in
 * milliseconds from one compressed megabyte repeated (a deflate block flushed in full stands alone).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

/** Raw deflate data that inflates to `inflated` bytes of `fill`, ending with an empty final block. */
export function deflateBomb(inflated: number, fill = ' '): Buffer {
  const segment = deflateRawSync(Buffer.alloc(MB, fill), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: Math.ceil(inflated / MB) }, () => segment), Buffer.from([0x03, 0x00])]);
}

/** A zip file of the parts given, each deflated (or given already deflated, with the size its directory is to declare). */
export function zipFile(parts: { name: string; text?: string; deflated?: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = part.deflated ?? deflateRawSync(Buffer.from(part.text ?? ''));
    const size = part.declaredSize ?? Buffer.byteLength(part.text ?? '');
    const crc = part.text === undefined ? 0 : crc32(Buffer.from(part.text));
    // [offset, value, bytes]: a local header, then its entry in the central directory
    const local = record(30, [[0, 0x04034b50, 4], [4, 20, 2], [8, 8, 2], [14, crc, 4], [18, data.length, 4], [22, size, 4], [26, name.length, 2]]);
    const central = record(46, [[0, 0x02014b50, 4], [4, 20, 2], [6, 20, 2], [10, 8, 2], [16, crc, 4], [20, data.length, 4], [24, size, 4], [28, name.length, 2], [42, offset, 4]]);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, [[0, 0x06054b50, 4], [8, parts.length, 2], [10, parts.length, 2], [12, directory.length, 4], [16, offset, 4]]);
  return Buffer.concat([...locals, directory, end]);
}

/** A record of `size` bytes holding each value, little-endian, at its offset. */
function record(size: number, fields: [number, number, 2 | 4][]): Buffer {
  const bytes = Buffer.alloc(size);
  for (const [offset, value, width] of fields) {
    if (width === 2) bytes.writeUInt16LE(value, offset);
    else bytes.writeUInt32LE(value, offset);
  }
  return bytes;
}

/** A .docx of one part, word/document.xml, declared as 10 bytes, that inflates to `inflated` bytes. */
export function docxBomb(inflated: number): Buffer {
  return zipFile([{ name: 'word/document.xml', deflated: deflateBomb(inflated, '<'), declaredSize: 10 }]);
}

const WORD = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A Word document whose document.xml starts with `doctype` and whose one paragraph reads `text` (entities allowed). */
export function wordFile(doctype: string, text: string): Buffer {
  return zipFile([
    { name: '[Content_Types].xml', text: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', text: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/document.xml', text: `<?xml version="1.0"?>${doctype}<w:document xmlns:w="${WORD}"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>` },
  ]);
}

/**
 * A one-page PDF with a line of text, whose page's content stream inflates to `inflated` bytes: under
 * FlateDecode, or with `hidden`, written as hexadecimal first (ASCIIHexDecode), which no scan of the file's
 * zlib streams can see.
 */
export function pdfBomb(inflated: number, { hidden = false }: { hidden?: boolean } = {}): Buffer {
  // a zlib stream: its header, the raw data, and a checksum PDF.js does not read
  const text = deflateRawSync(Buffer.from('BT /F1 12 Tf 72 712 Td (Estates update) Tj ET\n', 'latin1'), { finishFlush: constants.Z_FULL_FLUSH });
  const stream = Buffer.concat([Buffer.from([0x78, 0xda]), text, deflateBomb(inflated), Buffer.alloc(4)]);
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    hidden
      ? `<< /Length ${stream.length * 2 + 1} /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\n${stream.toString('hex')}>\nendstream`
      : Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets = objects.map((object, index) => {
    const offset = length;
    const part = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(object) ? object : Buffer.from(object, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(part);
    length += part.length;
    return offset;
  });
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
