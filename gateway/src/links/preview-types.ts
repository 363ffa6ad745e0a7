// What a share page may show inline, by extension (the provider's or uploader's type is never
// trusted). Text and code are served as text/plain so HTML or SVG sources never run as pages.
const MEDIA: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  pdf: 'application/pdf',
};

const TEXT = new Set(
  (
    'txt md markdown csv tsv log json yaml yml toml ini conf cfg xml html htm css js mjs cjs ts tsx jsx ' +
    'py rb go rs java kt c h cpp hpp cs php sh bash zsh ps1 sql swift scala lua pl r m tex svg ' +
    'gitignore dockerfile makefile env properties'
  ).split(' '),
);

export type PreviewKind = 'image' | 'video' | 'audio' | 'pdf' | 'text';

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot >= 0 ? name.slice(dot + 1) : name).toLowerCase();
}

/** The inline type and kind of preview for a file name, or null when it has no preview. */
export function previewOf(name: string): { type: string; kind: PreviewKind } | null {
  const ext = extOf(name);
  const media = MEDIA[ext];
  if (media)
    return { type: media, kind: media === 'application/pdf' ? 'pdf' : (media.split('/')[0] as PreviewKind) };
  if (TEXT.has(ext)) return { type: 'text/plain; charset=utf-8', kind: 'text' };
  return null;
}

/** The type to send a download with: known media types, else a neutral octet stream. */
export function downloadTypeOf(name: string): string {
  return MEDIA[extOf(name)] ?? 'application/octet-stream';
}
