/**
 * What may be uploaded as course or session material, by detected type.
 * Executables, scripts, HTML and SVG are never on it: a file served back from
 * the hub must not be able to run in a student's browser.
 */
export const MATERIAL_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
  'audio/x-m4a',
  'audio/mp4',
  'audio/flac',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'video/ogg',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/x-tar',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb', // .doc, .ppt, .xls
  'application/rtf',
  'text/plain',
  'text/markdown',
  'text/csv',
];

export const IMAGE_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
];

/** Markup a browser runs when the saved file is opened: HTML, SVG, XML (by its start or its name). */
const MARKUP_START =
  /^\s*<(?:!doctype\s+(?:html|svg)|html|head|body|script|iframe|svg|\?xml)[\s>/]/i;
const MARKUP_NAME = /\.(?:html?|xhtml?|xht|shtml|svgz?|xml|xsl)$/i;

/**
 * Plain text has no magic bytes: it counts as text when its start is valid
 * UTF-8 without NUL bytes, and is not HTML, SVG or XML in disguise.
 */
export function textTypeOf(head: Buffer, fileName: string): string | undefined {
  if (head.length === 0 || head.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return undefined;
  }
  if (MARKUP_NAME.test(fileName) || MARKUP_START.test(text)) return undefined;
  if (/\.csv$/i.test(fileName)) return 'text/csv';
  if (/\.(md|markdown)$/i.test(fileName)) return 'text/markdown';
  return 'text/plain';
}

/**
 * Extensions an OS runs, installs, mounts or follows when the file is
 * double-clicked (Windows, macOS, Linux desktops, Android). A name ending in
 * one is refused unless the admin allows scripts and programs: the hub serves
 * the name back, and a student who opens `notes.bat` runs it. Source files a
 * course teaches with (.py, .java, .c) are not here: no standard desktop runs
 * them on a double-click.
 */
export const RUNNABLE_EXTENSIONS: ReadonlySet<string> = new Set(
  [
    // Windows programs, installers and shell helpers
    'exe com scr pif cpl msi msp mst msc dll sys drv ocx appx appxbundle msix msixbundle application appref-ms gadget xll',
    // Windows scripts and script hosts
    'bat cmd ps1 ps1xml ps2 psc1 psm1 psd1 vb vbs vbe js jse ws wsf wsc wsh hta chm reg inf scf sct shb msh mshxml',
    // Links and shortcuts the shell follows
    'url lnk website settingcontent-ms library-ms searchconnector-ms',
    // Disk images that mount and run
    'iso img vhd vhdx dmg',
    // macOS, Linux and cross-platform
    'app pkg mpkg command tool workflow sh bash zsh csh ksh desktop run appimage deb rpm snap flatpakref jar jnlp apk xapk',
  ].flatMap((group) => group.split(' ')),
);

/** Types detected from the bytes that are programs, installers or disk images whatever the name. */
export const RUNNABLE_TYPES: readonly string[] = [
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-apple-diskimage',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/x-deb',
  'application/x-rpm',
  'application/x.ms.shortcut',
  'application/x-shockwave-flash',
];

/** How text that is a script starts: a shebang, a batch file, an Internet shortcut, a desktop entry. */
const SCRIPT_START = /^(?:\ufeff)?\s*(?:#!|@echo\s|\[InternetShortcut\]|\[Desktop Entry\])/i;

/** Why a file is a script or program: its name's extension, or what its bytes are; undefined if neither. */
export function runnableReason(
  head: Buffer,
  extensions: readonly string[],
  detectedType: string | undefined,
): string | undefined {
  const extension = extensions.find((candidate) => RUNNABLE_EXTENSIONS.has(candidate));
  if (extension) return `its name ends in .${extension}`;
  if (detectedType && RUNNABLE_TYPES.includes(detectedType))
    return `it is a program (${detectedType})`;
  if (!detectedType && SCRIPT_START.test(head.subarray(0, 64).toString('utf8')))
    return 'it starts like a script';
  return undefined;
}
