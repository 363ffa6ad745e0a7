'use client';
// The signed-in user's OpenPGP key pair, for encrypted shares. Everything that touches the
// private key happens in this page with openpgp: a new pair is made here and encrypted with the
// passphrase before it is sent, an imported key is protected here (or its passphrase checked),
// a passphrase change unlocks and re-locks the key here. The server only ever receives the
// public key and the passphrase-protected private key (it refuses a clear one).
import { useApolloClient, useQuery } from '@apollo/client/react';
import * as openpgp from 'openpgp';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useNotices } from '../../../components/Notices';
import { ErrorState, Loading } from '../../../components/States';
import { errorMessage, formatDate } from '../../../lib/format';
import { DELETE_MY_KEY_PAIR, MY_KEY_PAIR, SET_MY_KEY_PAIR } from '../../../lib/keys-operations';
import { ME } from '../../../lib/operations';

const MIN_PASSPHRASE = 8;

/** "ABCD 1234 …": a fingerprint in groups of four, as gpg prints it. */
function grouped(fingerprint: string): string {
  return fingerprint
    .toUpperCase()
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

function passphraseProblem(p: string, again: string): string | null {
  if (p.length < MIN_PASSPHRASE) return `The passphrase needs at least ${MIN_PASSPHRASE} characters.`;
  if (p !== again) return 'The two passphrases differ.';
  return null;
}

/**
 * Runs a form's work with a busy flag, an error line, and what it did kept in the form (the
 * toast goes after 4 s); `done` is told on success.
 */
function useWork(done: (message: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const run = async (e: FormEvent, work: () => Promise<string>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const message = await work();
      setOutcome(message);
      done(message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, outcome, run };
}

function Outcome({ error, outcome }: { error: string | null; outcome: string | null }) {
  if (error)
    return (
      <p role="alert" className="bad">
        {error}
      </p>
    );
  return outcome ? <p role="status">{outcome}</p> : null;
}

function useSave() {
  const client = useApolloClient();
  return async (publicKey: string, privateKey: string) => {
    await client.mutate({
      mutation: SET_MY_KEY_PAIR,
      variables: { publicKey, privateKey },
      refetchQueries: [MY_KEY_PAIR],
      awaitRefetchQueries: true,
    });
  };
}

function CreateKey({ onDone }: { onDone: (m: string) => void }) {
  const id = useId();
  const me = useQuery(ME);
  const save = useSave();
  const [p, setP] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, outcome, run } = useWork(onDone);
  return (
    <form
      aria-label="Create a key pair"
      onSubmit={(e) =>
        void run(e, async () => {
          const problem = passphraseProblem(p, again);
          if (problem) throw new Error(problem);
          const user = me.data?.me;
          const made = await openpgp.generateKey({
            type: 'ecc',
            curve: 'curve25519Legacy',
            userIDs: [{ name: user?.name || 'syncoxide user', email: user?.email ?? '' }],
            passphrase: p,
            format: 'armored',
          });
          await save(made.publicKey, made.privateKey);
          setP('');
          setAgain('');
          return 'Key pair created';
        })
      }
    >
      <label htmlFor={`${id}-p`}>Passphrase</label>
      <input
        id={`${id}-p`}
        type="password"
        autoComplete="new-password"
        value={p}
        onChange={(e) => setP(e.target.value)}
        required
      />
      <label htmlFor={`${id}-again`}>Passphrase again</label>
      <input
        id={`${id}-again`}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(e) => setAgain(e.target.value)}
        required
      />
      <p className="muted">
        The key is made in this browser and encrypted with the passphrase before it is stored. The passphrase
        is never sent: if you forget it, files encrypted for this key cannot be read.
      </p>
      <Outcome error={error} outcome={outcome} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create key pair'}
        </button>
      </div>
    </form>
  );
}

function ImportKey({ onDone }: { onDone: (m: string) => void }) {
  const id = useId();
  const save = useSave();
  const [armored, setArmored] = useState('');
  const [p, setP] = useState('');
  const { busy, error, outcome, run } = useWork(onDone);
  return (
    <form
      aria-label="Import a key"
      onSubmit={(e) =>
        void run(e, async () => {
          const key = await openpgp.readPrivateKey({ armoredKey: armored.trim() }).catch(() => {
            throw new Error('This is not an armored OpenPGP private key.');
          });
          let locked: string;
          if (key.isDecrypted()) {
            // An unprotected key: protect it with the passphrase given before it leaves.
            if (p.length < MIN_PASSPHRASE)
              throw new Error(`Give a passphrase of at least ${MIN_PASSPHRASE} characters to protect it.`);
            locked = (await openpgp.encryptKey({ privateKey: key, passphrase: p })).armor();
          } else {
            // A protected key: check its passphrase opens it, and store it as it is.
            await openpgp.decryptKey({ privateKey: key, passphrase: p }).catch(() => {
              throw new Error('The passphrase does not open this key.');
            });
            locked = key.armor();
          }
          await save(key.toPublic().armor(), locked);
          setArmored('');
          setP('');
          return `Key ${grouped(key.getFingerprint())} imported`;
        })
      }
    >
      <label htmlFor={`${id}-key`}>Armored private key (-----BEGIN PGP PRIVATE KEY BLOCK-----)</label>
      <textarea
        id={`${id}-key`}
        rows={6}
        value={armored}
        onChange={(e) => setArmored(e.target.value)}
        spellCheck={false}
        required
      />
      <label htmlFor={`${id}-p`}>Its passphrase (or, for an unprotected key, a new one)</label>
      <input
        id={`${id}-p`}
        type="password"
        autoComplete="off"
        value={p}
        onChange={(e) => setP(e.target.value)}
        required
      />
      <Outcome error={error} outcome={outcome} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import key'}
        </button>
      </div>
    </form>
  );
}

function ChangePassphrase({
  pair,
  onDone,
}: {
  pair: { publicKey: string; privateKey: string };
  onDone: (m: string) => void;
}) {
  const id = useId();
  const save = useSave();
  const [current, setCurrent] = useState('');
  const [p, setP] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, outcome, run } = useWork(onDone);
  return (
    <form
      aria-label="Change passphrase"
      onSubmit={(e) =>
        void run(e, async () => {
          const problem = passphraseProblem(p, again);
          if (problem) throw new Error(problem);
          const open = await openpgp
            .decryptKey({
              privateKey: await openpgp.readPrivateKey({ armoredKey: pair.privateKey }),
              passphrase: current,
            })
            .catch(() => {
              throw new Error('The current passphrase is wrong.');
            });
          const relocked = await openpgp.encryptKey({ privateKey: open, passphrase: p });
          await save(pair.publicKey, relocked.armor());
          setCurrent('');
          setP('');
          setAgain('');
          return 'Passphrase changed';
        })
      }
    >
      <label htmlFor={`${id}-current`}>Current passphrase</label>
      <input
        id={`${id}-current`}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        required
      />
      <label htmlFor={`${id}-p`}>New passphrase</label>
      <input
        id={`${id}-p`}
        type="password"
        autoComplete="new-password"
        value={p}
        onChange={(e) => setP(e.target.value)}
        required
      />
      <label htmlFor={`${id}-again`}>New passphrase again</label>
      <input
        id={`${id}-again`}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(e) => setAgain(e.target.value)}
        required
      />
      <Outcome error={error} outcome={outcome} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </div>
    </form>
  );
}

function PublicKeyExport({ publicKey, fingerprint }: { publicKey: string; fingerprint: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([publicKey], { type: 'application/pgp-keys' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [publicKey]);
  return (
    <details>
      <summary>Public key</summary>
      <textarea aria-label="Public key" readOnly rows={8} value={publicKey} spellCheck={false} />
      {url && (
        <a href={url} download={`${fingerprint.slice(-16)}.asc`}>
          Download public key (.asc)
        </a>
      )}
    </details>
  );
}

export default function KeysPage() {
  const client = useApolloClient();
  const { notify } = useNotices();
  const { data, loading, error, refetch } = useQuery(MY_KEY_PAIR);
  const [deleting, setDeleting] = useState(false);
  const pair = data?.myKeyPair ?? null;
  const done = (m: string) => notify('success', m);

  if (error) return <ErrorState error={error} retry={() => void refetch()} />;
  if (loading && !data) return <Loading />;
  return (
    <section className="keys">
      <h1>Encryption keys</h1>
      <p className="muted">
        Your OpenPGP key pair lets people share files with you encrypted: their copy on your storage is
        OpenPGP data that only your key opens (in this app after you unlock it, or with gpg).
      </p>
      {pair ? (
        <>
          <section className="card" aria-label="Your key pair" data-fingerprint={pair.fingerprint}>
            <h2>Your key pair</h2>
            <dl>
              <dt>Fingerprint</dt>
              <dd>
                <code className="fingerprint">{grouped(pair.fingerprint)}</code>
              </dd>
              <dt>Created</dt>
              <dd>{formatDate(pair.createdAt)}</dd>
              <dt>Last changed</dt>
              <dd>{formatDate(pair.updatedAt)}</dd>
            </dl>
            <PublicKeyExport publicKey={pair.publicKey} fingerprint={pair.fingerprint} />
          </section>
          <section aria-label="Passphrase">
            <h2>Change passphrase</h2>
            <ChangePassphrase pair={pair} onDone={done} />
          </section>
          <section aria-label="Replace">
            <details>
              <summary>Replace with a new or imported key</summary>
              <p className="muted">
                Shares encrypted for you are re-keyed for the new key; the old key is no longer kept here.
              </p>
              <CreateKey onDone={done} />
              <ImportKey onDone={done} />
            </details>
          </section>
          <section aria-label="Delete">
            <h2>Delete</h2>
            <p>
              Deleting your key pair means the files of encrypted shares made for you can no longer be read by
              you here, and those shares receive no new files until you set a new key. Keep an exported copy
              of the private key (with gpg) if you may need those files.
            </p>
            <button
              type="button"
              className="danger"
              disabled={deleting}
              onClick={async () => {
                if (
                  !window.confirm(
                    'Delete your key pair? Encrypted shares to you can no longer be read with it.',
                  )
                )
                  return;
                setDeleting(true);
                try {
                  await client.mutate({
                    mutation: DELETE_MY_KEY_PAIR,
                    refetchQueries: [MY_KEY_PAIR],
                    awaitRefetchQueries: true,
                  });
                  notify('success', 'Key pair deleted');
                } catch (err) {
                  notify('error', `Deleting failed: ${errorMessage(err)}`);
                } finally {
                  setDeleting(false);
                }
              }}
            >
              {deleting ? 'Deleting…' : 'Delete key pair'}
            </button>
          </section>
        </>
      ) : (
        <>
          <section aria-label="Create">
            <h2>Create a key pair</h2>
            <CreateKey onDone={done} />
          </section>
          <section aria-label="Import">
            <h2>Or import an existing key</h2>
            <ImportKey onDone={done} />
          </section>
        </>
      )}
    </section>
  );
}
