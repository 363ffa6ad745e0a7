// Breadcrumb ids from the gateway are the graph's raw ids (the first one a remote's); links need
// global ids, which are base64url of "Type:rawId" (gateway/src/ids.ts).
function b64url(s: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function isGlobal(id: string, type: string): boolean {
  try {
    return atob(id.replace(/-/g, '+').replace(/_/g, '/')).startsWith(`${type}:`);
  } catch {
    return false;
  }
}

export function globalId(type: 'File' | 'Remote', id: string): string {
  return isGlobal(id, type) ? id : b64url(`${type}:${id}`);
}

/** Links for a breadcrumb trail: remote root first, then folders. */
export function crumbHrefs(ancestors: { id: string; name: string }[]): { href: string; name: string }[] {
  return ancestors.map((a, i) =>
    i === 0
      ? { href: `/remote/${encodeURIComponent(globalId('Remote', a.id))}`, name: a.name }
      : { href: `/folder/${encodeURIComponent(globalId('File', a.id))}`, name: a.name },
  );
}
