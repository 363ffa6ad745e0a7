'use client';
// The file manager's list: list or grid, sort, multi-select (click, Ctrl/⌘-click, Shift-click,
// checkboxes), keyboard navigation, drag-and-drop upload, and the actions on a selection.
import { useApolloClient } from '@apollo/client/react';
import { useRouter } from 'next/navigation';
import {
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { errorMessage, formatBytes, formatDate } from '../lib/format';
import type { FileFieldsFragment, SortInput } from '../lib/gql/graphql';
import {
  COPY,
  CREATE_FOLDER,
  MOVE,
  PURGE_FILE,
  RENAME,
  RESTORE_FILE,
  STAR_FILE,
  TRASH_FILE,
} from '../lib/operations';
import { DetailsPanel } from './DetailsPanel';
import { FolderPicker } from './FolderPicker';
import { Icon, type IconName } from './Icon';
import { PromptDialog } from './Modal';
import { useNotices } from './Notices';
import { Empty, ErrorState, Loading } from './States';
import { useUploads } from './Uploads';

export type FileItem = FileFieldsFragment;

export interface FileBrowserProps {
  title: ReactNode;
  items: FileItem[] | undefined;
  loading: boolean;
  error: unknown;
  retry: () => void;
  emptyTitle: string;
  emptyHint?: ReactNode;
  sort: SortInput;
  onSort?: (sort: SortInput) => void;
  /** Where uploads and new folders go: a folder's or a remote's id; several: the user picks. */
  targets?: { id: string; name: string }[];
  trashView?: boolean;
  hasMore?: boolean;
  onLoadMore?: () => void;
  /** In views across remotes: each item's remote name is shown beside its path. */
  remoteName?: (remoteId: string) => string | undefined;
}

type Dialog = { kind: 'rename'; file: FileItem } | { kind: 'folder' } | { kind: 'move' | 'copy' } | null;

const SORT_FIELDS: { value: SortInput['field']; label: string }[] = [
  { value: 'NAME', label: 'Name' },
  { value: 'MTIME', label: 'Modified' },
  { value: 'SIZE', label: 'Size' },
  { value: 'UPDATED_AT', label: 'Last change seen' },
];

function icon(f: FileItem): IconName {
  if (f.kind === 'FOLDER') return 'folder';
  const m = f.mime ?? '';
  if (m.startsWith('image/')) return 'image';
  if (m.startsWith('video/') || m.startsWith('audio/')) return 'media';
  return 'file';
}

export function FileBrowser(props: FileBrowserProps) {
  const { items, loading, error, retry, sort, onSort, targets = [], trashView = false } = props;
  const router = useRouter();
  const client = useApolloClient();
  const { notify } = useNotices();
  const uploads = useUploads();
  const [layout, setLayout] = useState<'list' | 'grid'>('list');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState(0);
  const [focus, setFocus] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [details, setDetails] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [target, setTarget] = useState<string>(targets[0]?.id ?? '');
  const fileInput = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const list = useMemo(() => items ?? [], [items]);
  const chosen = list.filter((f) => selected.has(f.id));

  useEffect(() => {
    if (!targets.some((t) => t.id === target)) setTarget(targets[0]?.id ?? '');
  }, [targets, target]);
  // Forget selections of items that left the list (trashed, moved, refetched).
  useEffect(() => {
    setSelected((s) => {
      const ids = new Set(list.map((f) => f.id));
      const kept = [...s].filter((id) => ids.has(id));
      return kept.length === s.size ? s : new Set(kept);
    });
  }, [list]);

  const open = (f: FileItem) => {
    if (f.kind === 'FOLDER' && !f.trashed) router.push(`/folder/${encodeURIComponent(f.id)}`);
    else setDetails(f.id);
  };

  const run = async (label: string, work: () => Promise<unknown>) => {
    try {
      await work();
      notify('success', label);
      await client.refetchQueries({ include: 'active' });
    } catch (err) {
      notify('error', `${label} failed: ${errorMessage(err)}`);
    }
  };

  const each = (label: string, fn: (f: FileItem) => Promise<unknown>) =>
    run(`${label} ${chosen.length === 1 ? chosen[0]!.name : `${chosen.length} items`}`, async () => {
      for (const f of chosen) await fn(f);
    });

  const trash = () =>
    each('Moved to trash:', (f) => client.mutate({ mutation: TRASH_FILE, variables: { id: f.id } }));
  const restore = () =>
    each('Restored', (f) => client.mutate({ mutation: RESTORE_FILE, variables: { id: f.id } }));
  const purge = () => {
    if (!window.confirm(`Delete ${chosen.length} item(s) for good, on their providers too?`)) return;
    void each('Deleted for good:', (f) => client.mutate({ mutation: PURGE_FILE, variables: { id: f.id } }));
  };
  const allStarred = chosen.length > 0 && chosen.every((f) => f.starred);
  const star = () =>
    each(allStarred ? 'Unstarred' : 'Starred', (f) =>
      client.mutate({ mutation: STAR_FILE, variables: { id: f.id, starred: !allStarred } }),
    );
  const download = () => {
    for (const f of chosen) {
      if (f.kind !== 'FILE' || !f.contentUrl) continue;
      const a = document.createElement('a');
      a.href = f.contentUrl;
      a.download = f.name;
      a.click();
    }
  };

  const select = (index: number, e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }) => {
    const f = list[index];
    if (!f) return;
    setFocus(index);
    if (e.shiftKey) {
      const [a, b] = [Math.min(anchor, index), Math.max(anchor, index)];
      setSelected(new Set(list.slice(a, b + 1).map((x) => x.id)));
      return;
    }
    setAnchor(index);
    if (e.ctrlKey || e.metaKey) {
      setSelected((s) => {
        const n = new Set(s);
        if (n.has(f.id)) n.delete(f.id);
        else n.add(f.id);
        return n;
      });
    } else setSelected(new Set([f.id]));
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${focus}"]`)?.focus();
  }, [focus]);

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const step = layout === 'grid' ? 4 : 1;
    const move = (to: number) => {
      e.preventDefault();
      const i = Math.max(0, Math.min(list.length - 1, to));
      if (e.shiftKey) select(i, { shiftKey: true, ctrlKey: false, metaKey: false });
      else setFocus(i);
    };
    const current = list[focus];
    switch (e.key) {
      case 'ArrowDown':
        return move(focus + step);
      case 'ArrowUp':
        return move(focus - step);
      case 'ArrowRight':
        return layout === 'grid' ? move(focus + 1) : undefined;
      case 'ArrowLeft':
        return layout === 'grid' ? move(focus - 1) : undefined;
      case 'Home':
        return move(0);
      case 'End':
        return move(list.length - 1);
      case ' ':
        e.preventDefault();
        if (current) toggle(current.id);
        return;
      case 'Enter':
        if (current) open(current);
        return;
      case 'Escape':
        setSelected(new Set());
        return;
      case 'Delete':
        if (chosen.length && !trashView) void trash();
        return;
      case 'F2':
        if (chosen.length === 1) setDialog({ kind: 'rename', file: chosen[0]! });
        return;
      case 'a':
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          setSelected(new Set(list.map((f) => f.id)));
        }
        return;
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (!files.length) return;
    if (!target) {
      notify('error', 'Open a folder or a remote to upload into it');
      return;
    }
    uploads.start(files, target);
  };

  const sortSelect = onSort && (
    <span className="sort">
      <label>
        Sort by{' '}
        <select
          value={sort.field}
          onChange={(e) => onSort({ ...sort, field: e.target.value as SortInput['field'] })}
        >
          {SORT_FIELDS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => onSort({ ...sort, direction: sort.direction === 'DESC' ? 'ASC' : 'DESC' })}
        aria-label={`Sort direction: ${sort.direction === 'DESC' ? 'descending' : 'ascending'}`}
      >
        {sort.direction === 'DESC' ? '↓' : '↑'}
      </button>
    </span>
  );

  let body: ReactNode;
  if (error) body = <ErrorState error={error} retry={retry} />;
  else if (loading && !items) body = <Loading label="Loading files…" />;
  else if (list.length === 0)
    body = (
      <Empty title={props.emptyTitle}>
        {props.emptyHint ?? (target && <p>Drop files here to upload them.</p>)}
      </Empty>
    );
  else
    body = (
      <div
        ref={listRef}
        className={`files ${layout}`}
        role="listbox"
        aria-multiselectable="true"
        aria-label="Files"
        data-state="loaded"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {layout === 'list' && (
          <div className="row head" aria-hidden="true">
            <span />
            <span>Name</span>
            <span>Modified</span>
            <span>Size</span>
          </div>
        )}
        {list.map((f, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles keys for every option (onKeyDown above)
          <div
            key={f.id}
            role="option"
            aria-selected={selected.has(f.id)}
            data-index={i}
            data-name={f.name}
            tabIndex={i === focus ? 0 : -1}
            className={`row${selected.has(f.id) ? ' selected' : ''}`}
            onClick={(e) => select(i, e)}
            onDoubleClick={() => open(f)}
          >
            <input
              type="checkbox"
              tabIndex={-1}
              checked={selected.has(f.id)}
              aria-label={`Select ${f.name}`}
              onClick={(e) => e.stopPropagation()}
              onChange={() => toggle(f.id)}
            />
            <span className="name">
              <Icon name={icon(f)} size={layout === 'grid' ? 40 : 18} /> {f.name}
              {f.starred && (
                <span className="star" title="starred">
                  ★<span className="sr-only"> starred</span>
                </span>
              )}
              {layout === 'list' && (props.remoteName || f.path.includes('/')) && (
                <span className="muted path">
                  {' '}
                  {[props.remoteName?.(f.remoteId), f.path.includes('/') ? f.path : null]
                    .filter(Boolean)
                    .join(': ')}
                </span>
              )}
            </span>
            <span className="muted">{formatDate(trashView ? f.trashedAt : f.mtime)}</span>
            <span className="muted">{f.kind === 'FOLDER' ? '—' : formatBytes(f.size)}</span>
          </div>
        ))}
      </div>
    );

  const one = chosen.length === 1 ? chosen[0]! : null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone; the Upload button is its keyboard path
    <section
      className={`browser${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (!target || trashView) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node)) setDragging(false);
      }}
      onDrop={onDrop}
      aria-busy={loading}
    >
      <div className="browser-head">
        <h1>{props.title}</h1>
        <div className="tools">
          {targets.length > 0 && !trashView && (
            <>
              {targets.length > 1 && (
                <label>
                  Into{' '}
                  <select value={target} onChange={(e) => setTarget(e.target.value)}>
                    {targets.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <button type="button" onClick={() => setDialog({ kind: 'folder' })}>
                New folder
              </button>
              <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
                Upload
              </button>
              <input
                ref={fileInput}
                type="file"
                multiple
                hidden
                aria-label="Files to upload"
                data-testid="upload-input"
                onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  if (files.length) uploads.start(files, target);
                  e.target.value = '';
                }}
              />
            </>
          )}
          {sortSelect}
          <button
            type="button"
            onClick={() => setLayout((l) => (l === 'list' ? 'grid' : 'list'))}
            aria-label={layout === 'list' ? 'Show as grid' : 'Show as list'}
          >
            {layout === 'list' ? '▦' : '☰'}
          </button>
        </div>
      </div>
      {/* Always there, so selecting does not shift the list under the pointer. */}
      {chosen.length === 0 ? (
        <p className="selection-bar idle muted">
          Select with a click (Ctrl or Shift for more), open with a double click or Enter; Delete trashes, F2
          renames.
        </p>
      ) : (
        <div className="selection-bar" role="toolbar" aria-label="Selected items">
          <span>{chosen.length} selected</span>
          {trashView ? (
            <>
              <button type="button" onClick={() => void restore()}>
                Restore
              </button>
              <button type="button" className="danger" onClick={purge}>
                Delete for good
              </button>
            </>
          ) : (
            <>
              {chosen.some((f) => f.kind === 'FILE') && (
                <button type="button" onClick={download}>
                  Download
                </button>
              )}
              <button type="button" onClick={() => void star()}>
                {allStarred ? 'Unstar' : 'Star'}
              </button>
              {one && (
                <button type="button" onClick={() => setDialog({ kind: 'rename', file: one })}>
                  Rename
                </button>
              )}
              <button type="button" onClick={() => setDialog({ kind: 'move' })}>
                Move
              </button>
              <button type="button" onClick={() => setDialog({ kind: 'copy' })}>
                Copy
              </button>
              <button type="button" className="danger" onClick={() => void trash()}>
                Trash
              </button>
            </>
          )}
          {one && (
            <button type="button" onClick={() => setDetails(one.id)}>
              Details
            </button>
          )}
          <button type="button" onClick={() => setSelected(new Set())} aria-label="Clear selection">
            ✕
          </button>
        </div>
      )}
      <div className="browser-body">
        <div className="browser-main">
          {body}
          {props.hasMore && props.onLoadMore && (
            <button type="button" className="load-more" onClick={props.onLoadMore}>
              Load more
            </button>
          )}
        </div>
        {details && <DetailsPanel id={details} onClose={() => setDetails(null)} />}
      </div>
      {dialog?.kind === 'rename' && (
        <PromptDialog
          title={`Rename ${dialog.file.name}`}
          label="New name"
          initial={dialog.file.name}
          submitLabel="Rename"
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            await client.mutate({ mutation: RENAME, variables: { id: dialog.file.id, name } });
            notify('success', `Renamed to ${name}`);
            await client.refetchQueries({ include: 'active' });
          }}
        />
      )}
      {dialog?.kind === 'folder' && (
        <PromptDialog
          title="New folder"
          label="Folder name"
          submitLabel="Create"
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            await client.mutate({ mutation: CREATE_FOLDER, variables: { parent: target, name } });
            notify('success', `Created ${name}`);
            await client.refetchQueries({ include: 'active' });
          }}
        />
      )}
      {(dialog?.kind === 'move' || dialog?.kind === 'copy') && (
        <FolderPicker
          title={`${dialog.kind === 'move' ? 'Move' : 'Copy'} ${chosen.length} item(s) to…`}
          actionLabel={dialog.kind === 'move' ? 'Move here' : 'Copy here'}
          exclude={new Set(chosen.map((f) => f.id))}
          onClose={() => setDialog(null)}
          onPick={(to) => {
            const kind = dialog.kind;
            setDialog(null);
            void each(kind === 'move' ? 'Moved' : 'Copied', (f) =>
              kind === 'move'
                ? client.mutate({ mutation: MOVE, variables: { id: f.id, to } })
                : client.mutate({ mutation: COPY, variables: { id: f.id, to } }),
            );
          }}
        />
      )}
    </section>
  );
}
