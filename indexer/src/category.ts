// File categories for search facets and filters, derived from the name's extension first
// (providers often report no MIME type or a generic one) and from the MIME type second.

export const FILE_CATEGORIES = [
  'document',
  'image',
  'video',
  'audio',
  'archive',
  'code',
  'spreadsheet',
  'presentation',
  'pdf',
  'font',
  'other',
] as const;
export type FileCategory = (typeof FILE_CATEGORIES)[number];

const BY_EXTENSION: Record<Exclude<FileCategory, 'other'>, readonly string[]> = {
  pdf: ['pdf'],
  document: [
    'doc',
    'docx',
    'odt',
    'rtf',
    'txt',
    'md',
    'markdown',
    'rst',
    'tex',
    'pages',
    'epub',
    'wpd',
    'org',
  ],
  spreadsheet: ['xls', 'xlsx', 'xlsm', 'ods', 'csv', 'tsv', 'numbers'],
  presentation: ['ppt', 'pptx', 'odp', 'key'],
  image: [
    'jpg',
    'jpeg',
    'png',
    'gif',
    'bmp',
    'tif',
    'tiff',
    'webp',
    'heic',
    'heif',
    'svg',
    'ico',
    'raw',
    'cr2',
    'cr3',
    'nef',
    'arw',
    'dng',
    'orf',
    'rw2',
    'psd',
    'avif',
  ],
  video: ['mp4', 'm4v', 'mov', 'avi', 'mkv', 'webm', 'wmv', 'flv', 'mpg', 'mpeg', '3gp', 'mts', 'm2ts'],
  audio: ['mp3', 'wav', 'flac', 'aac', 'ogg', 'oga', 'opus', 'm4a', 'wma', 'aiff', 'aif', 'mid', 'midi'],
  archive: ['zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'rar', 'iso', 'dmg', 'cab', 'lz', 'lzma'],
  code: [
    'js',
    'mjs',
    'cjs',
    'jsx',
    'ts',
    'tsx',
    'py',
    'rb',
    'go',
    'rs',
    'java',
    'kt',
    'scala',
    'c',
    'h',
    'cc',
    'cpp',
    'hpp',
    'cs',
    'swift',
    'php',
    'sh',
    'bash',
    'zsh',
    'ps1',
    'sql',
    'html',
    'htm',
    'css',
    'scss',
    'less',
    'json',
    'yaml',
    'yml',
    'toml',
    'xml',
    'ini',
    'lua',
    'pl',
    'r',
    'dart',
    'vue',
    'svelte',
    'ipynb',
  ],
  font: ['ttf', 'otf', 'woff', 'woff2', 'eot'],
};

const EXTENSION_INDEX = new Map<string, FileCategory>(
  Object.entries(BY_EXTENSION).flatMap(([category, exts]) =>
    exts.map((ext) => [ext, category as FileCategory] as const),
  ),
);

// Exact MIME types whose top-level type says too little (application/*, text/*).
const BY_MIME: Record<string, FileCategory> = {
  'application/pdf': 'pdf',
  'application/msword': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.oasis.opendocument.text': 'document',
  'application/rtf': 'document',
  'application/epub+zip': 'document',
  'application/vnd.ms-excel': 'spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet': 'spreadsheet',
  'text/csv': 'spreadsheet',
  'application/vnd.ms-powerpoint': 'presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'presentation',
  'application/vnd.oasis.opendocument.presentation': 'presentation',
  'application/zip': 'archive',
  'application/gzip': 'archive',
  'application/x-tar': 'archive',
  'application/x-7z-compressed': 'archive',
  'application/vnd.rar': 'archive',
  'application/x-rar-compressed': 'archive',
  'application/x-bzip2': 'archive',
  'application/x-xz': 'archive',
  'application/json': 'code',
  'application/javascript': 'code',
  'application/xml': 'code',
  'application/x-sh': 'code',
  'text/html': 'code',
  'text/css': 'code',
  'text/javascript': 'code',
  'text/plain': 'document',
  'text/markdown': 'document',
};

/**
 * The extension of a file name: the part after the last dot, lowercased; null when there is
 * none. A leading dot alone (".bashrc") is a hidden-file marker, not an extension.
 */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  const ext = name.slice(dot + 1).toLowerCase();
  // Real extensions are short and have no spaces; "Report v2.final draft" has none.
  return /^[a-z0-9_+-]{1,16}$/.test(ext) ? ext : null;
}

export function categoryOf(extension: string | null, mime: string | null): FileCategory {
  const byExt = extension ? EXTENSION_INDEX.get(extension.toLowerCase()) : undefined;
  const m = mime ? mime.toLowerCase().split(';')[0]!.trim() : '';
  // ".ts" is TypeScript or an MPEG transport stream: a media MIME type settles it.
  const mediaMime = /^(image|video|audio)\//.test(m);
  if (byExt && !(byExt === 'code' && mediaMime)) return byExt;
  if (!m) return 'other';
  const exact = BY_MIME[m];
  if (exact) return exact;
  if (m.startsWith('image/')) return 'image';
  if (m.startsWith('video/')) return 'video';
  if (m.startsWith('audio/')) return 'audio';
  if (m.startsWith('font/')) return 'font';
  if (m.startsWith('text/')) return 'document';
  return 'other';
}
