import { useId, useState } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import { SafeUrlSchema } from '../../../shared/domain/links';
import { useUi } from '../store/ui-store';
import { openLink } from '../ui/open-link';
import { newRecordId, useCommand } from '../data/use-command';

/** Context links (brief, assets). Validated before saving; opened outside the app window. */
export function LinksSection({ handoff }: { handoff: Handoff }) {
  const run = useCommand(handoff.id);
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const labelId = useId();
  const urlId = useId();
  const errorId = useId();

  const add = async (): Promise<void> => {
    const parsed = SafeUrlSchema.safeParse(url);
    if (!parsed.success) {
      setError(url.trim() === '' ? 'Paste the link first, e.g. https://drive.example.com/brief' : (parsed.error.issues[0]?.message ?? 'Not a valid link'));
      return;
    }
    const outcome = await run({ type: 'add_link', link: { id: newRecordId(), label: label.trim(), url: parsed.data } }, { quiet: true, success: 'Link added', undoable: true });
    if (!outcome.ok) return setError(outcome.error.message);
    setLabel('');
    setUrl('');
    setError(null);
  };

  return (
    <section className="section" aria-labelledby="links-heading">
      <h3 id="links-heading">Context links</h3>
      {handoff.links.length === 0 ? <p className="muted">No links yet. Attach the brief, designs or assets.</p> : null}
      <ul className="list">
        {handoff.links.map((link) => (
          <li key={link.id} className="list-item">
            <div className="grow">
              <button
                type="button"
                className="linklike"
                title={link.url}
                onClick={() =>
                  void openLink(link.url).then((result) => {
                    if (!result.ok) useUi.getState().pushToast({ message: result.message, tone: 'error', undoable: false });
                  })
                }
              >
                {link.label || link.url}
              </button>
              {link.label ? <div className="muted" style={{ fontSize: 12 }}>{link.url}</div> : null}
            </div>
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              aria-label={`Remove link ${link.label || link.url}`}
              onClick={() => void run({ type: 'remove_link', linkId: link.id }, { success: 'Link removed', undoable: true })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <div className="grow">
          <label htmlFor={labelId} className="visually-hidden">
            Link label
          </label>
          <input id={labelId} className="input" placeholder="Label (optional)" value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="grow">
          <label htmlFor={urlId} className="visually-hidden">
            Link URL
          </label>
          <input
            id={urlId}
            className="input"
            placeholder="https://…"
            value={url}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              setUrl(e.target.value);
              setError(null);
            }}
          />
        </div>
        <button type="submit" className="btn">
          Add link
        </button>
      </form>
      {error ? (
        <div id={errorId} className="error-text" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}
