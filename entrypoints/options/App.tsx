import { useEffect, useState, type ReactNode } from 'react';
import { CheckboxField } from '../../components/checkbox-field';
import { ImageField } from '../../components/image-field';
import { NumberField } from '../../components/number-field';
import { SaveStatus } from '../../components/save-status';
import { SelectField } from '../../components/select-field';
import { SitesList } from '../../components/sites-list';
import { TextField } from '../../components/text-field';
import { fillFileNameTemplate, formatPrefsDate } from '../../lib/prefs/format';
import { PREVIEW_MODEL } from '../../lib/prefs/preview-model';
import {
  DATE_FORMATS,
  FIELD_CHECKS,
  FIELD_LABELS,
  FONT_FAMILY_CHOICES,
  LIMITS,
  MAX_LOGO_BYTES,
  PAGE_SIZES,
  type Prefs,
} from '../../lib/prefs/schema';
import { usePrefs } from '../../lib/prefs/use-prefs';
import { Preview } from './preview';

const ORIENTATIONS = [
  { value: 'portrait', label: 'Portrait' },
  { value: 'landscape', label: 'Landscape' },
] as const;

const COMMON_LOCALES = [
  'en-GB',
  'en-US',
  'de-DE',
  'fr-FR',
  'es-ES',
  'it-IT',
  'nl-NL',
  'pt-BR',
  'ja-JP',
  'zh-CN',
];

const MARGIN_SIDES = ['Left', 'Top', 'Right', 'Bottom'] as const;

/**
 * Host permission pattern for an origin. Chromium match patterns may carry a port; Firefox's may
 * not, so there the pattern covers the host on every port.
 */
function pattern(origin: string): string {
  if (!import.meta.env.FIREFOX) return `${origin}/*`;
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks one field with its schema validator; the message reads like the store's. */
function fieldError<K extends keyof Prefs>(key: K, value: unknown): string | undefined {
  const r = FIELD_CHECKS[key](value);
  return r.ok ? undefined : `${FIELD_LABELS[key]} ${r.error}.`;
}

function Section(props: { id: string; title: string; children: ReactNode }): ReactNode {
  return (
    <section
      className="section"
      aria-labelledby={`${props.id}-title`}
      data-testid={`section-${props.id}`}
    >
      <h2 id={`${props.id}-title`} className="section__title">
        {props.title}
      </h2>
      <div className="section__body">{props.children}</div>
    </section>
  );
}

const TOKENS = (tokens: string[]): ReactNode => (
  <>
    Tokens:{' '}
    {tokens.map((t, i) => (
      <span key={t}>
        {i > 0 ? ' ' : ''}
        <code>{t}</code>
      </span>
    ))}
  </>
);

/** Export, import and reset of the whole settings file. */
function SettingsFile(props: { sites: readonly string[] }): ReactNode {
  const { exportText, importText, reset } = usePrefs.getState();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [confirming, setConfirming] = useState(false);

  const download = async (): Promise<void> => {
    try {
      const text = await exportText();
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `offprint-settings-${fillFileNameTemplate('{date}', { title: '', space: '', date: new Date() })}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage(undefined);
    } catch (error) {
      setMessage({ kind: 'error', text: `Could not export: ${errorText(error)}` });
    }
  };

  return (
    <div className="settings-file">
      <div className="settings-file__buttons">
        <button type="button" data-testid="export-settings" onClick={() => void download()}>
          Export settings
        </button>
        <label className="button" htmlFor="import-settings">
          Import settings…
        </label>
        <input
          id="import-settings"
          data-testid="import-settings"
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          aria-describedby="import-status"
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (!file) return;
            try {
              const result = await importText(await file.text());
              setMessage(
                result.ok
                  ? { kind: 'ok', text: `Imported settings from ${file.name}.` }
                  : { kind: 'error', text: `${file.name} was not imported: ${result.error}` },
              );
            } catch (error) {
              setMessage({
                kind: 'error',
                text: `Could not read ${file.name}: ${errorText(error)}`,
              });
            }
          }}
        />
        {confirming ? (
          <span className="settings-file__confirm" role="group" aria-label="Confirm reset">
            <span>
              Reset every setting
              {props.sites.length ? ` and remove access to ${props.sites.length} site(s)` : ''}?
            </span>
            <button
              type="button"
              className="danger"
              data-testid="reset-confirm"
              onClick={async () => {
                setConfirming(false);
                if (props.sites.length) {
                  await browser.permissions
                    .remove({ origins: props.sites.map(pattern) })
                    .catch(() => false);
                }
                await reset();
                setMessage({ kind: 'ok', text: 'All settings are back to their defaults.' });
              }}
            >
              Reset
            </button>
            <button type="button" data-testid="reset-cancel" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" data-testid="reset-settings" onClick={() => setConfirming(true)}>
            Reset to defaults
          </button>
        )}
      </div>
      <p
        id="import-status"
        className={message?.kind === 'error' ? 'field__error' : 'field__hint'}
        aria-live="polite"
        data-testid="settings-file-status"
        data-kind={message?.kind ?? ''}
      >
        {message?.text ?? ''}
      </p>
    </div>
  );
}

export function App(): ReactNode {
  const prefs = usePrefs((s) => s.prefs);
  const status = usePrefs((s) => s.status);
  const save = usePrefs((s) => s.save);
  const error = usePrefs((s) => s.error);
  const resetOnLoad = usePrefs((s) => s.resetOnLoad);
  const revision = usePrefs((s) => s.revision);
  const [granted, setGranted] = useState<Record<string, boolean>>({});

  useEffect(() => {
    const { load, flush } = usePrefs.getState();
    void load();
    const onHide = (): void => void flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, []);

  // Which stored sites the browser actually grants (an imported list may lack access).
  const sitesKey = prefs.sites.join(' ');
  useEffect(() => {
    let live = true;
    void Promise.all(
      prefs.sites.map(async (o) => {
        const has = await browser.permissions
          .contains({ origins: [pattern(o)] })
          .catch(() => false);
        return [o, has] as const;
      }),
    ).then((entries) => {
      if (live) setGranted(Object.fromEntries(entries));
    });
    return () => {
      live = false;
    };
    // sitesKey stands for prefs.sites.
  }, [sitesKey]);

  const set = <K extends keyof Prefs>(key: K, value: Prefs[K]): string | undefined => {
    const r = usePrefs.getState().update({ [key]: value } as Partial<Prefs>);
    return r.ok ? undefined : r.error;
  };

  const storeSite = (origin: string): string | undefined => {
    const { update, flush, prefs: now } = usePrefs.getState();
    const sites = now.sites.includes(origin) ? now.sites : [...now.sites, origin];
    const r = update({ sites });
    if (!r.ok) return r.error;
    void flush();
    setGranted((g) => ({ ...g, [origin]: true }));
    return undefined;
  };

  // Called straight from the click: `permissions.request` needs the user gesture.
  const addSite = (origin: string): Promise<string | undefined> =>
    browser.permissions
      .request({ origins: [pattern(origin)] })
      .then((ok) =>
        ok ? storeSite(origin) : `Access to ${origin} was not granted, so it was not added.`,
      );

  const grantSite = (origin: string): Promise<string | undefined> =>
    browser.permissions
      .request({ origins: [pattern(origin)] })
      .then((ok) => (ok ? storeSite(origin) : `Access to ${origin} was not granted.`));

  const removeSite = async (origin: string): Promise<void> => {
    await browser.permissions.remove({ origins: [pattern(origin)] }).catch(() => false);
    const { update, flush, prefs: now } = usePrefs.getState();
    update({ sites: now.sites.filter((s) => s !== origin) });
    await flush();
  };

  if (status === 'loading') {
    return (
      <main className="page" aria-busy="true">
        <p>Loading settings…</p>
      </main>
    );
  }

  const now = new Date();
  const fileName = `${fillFileNameTemplate(prefs.fileNameTemplate, {
    title: PREVIEW_MODEL.title,
    space: PREVIEW_MODEL.pages[0]?.spaceKey ?? '',
    date: now,
  })}.pdf`;

  return (
    <div className="page" data-testid="options" data-status={status}>
      <header className="page__header">
        <h1>
          <img src="/icon/48.png" alt="" width={32} height={32} /> Offprint settings
        </h1>
        <SaveStatus state={save} error={error} />
      </header>
      {status === 'error' ? (
        <p className="banner banner--error" role="alert" data-testid="load-error">
          {error} The defaults are shown; changes may not be kept.
        </p>
      ) : null}
      {resetOnLoad.length ? (
        <p className="banner" role="status" data-testid="reset-on-load">
          Some stored settings were not valid and are back to their defaults:{' '}
          {resetOnLoad.map((k) => FIELD_LABELS[k]).join(', ')}.
        </p>
      ) : null}

      <div className="page__columns">
        <main className="form">
          {/* Remounted when values are replaced (reset, import): drafts and errors start over. */}
          <div key={revision}>
            <Section id="page" title="Page">
              <div className="grid grid--2">
                <SelectField
                  id="pref-pageSize"
                  label="Page size"
                  value={prefs.pageSize}
                  options={PAGE_SIZES}
                  onChange={(v) => set('pageSize', v)}
                />
                <SelectField
                  id="pref-orientation"
                  label="Orientation"
                  value={prefs.orientation}
                  options={ORIENTATIONS}
                  onChange={(v) => set('orientation', v)}
                />
              </div>
              <fieldset className="fieldset">
                <legend>Margins</legend>
                <div className="grid grid--4">
                  {MARGIN_SIDES.map((side, i) => (
                    <NumberField
                      key={side}
                      id={`pref-margin-${side.toLowerCase()}`}
                      label={side}
                      unit="mm"
                      value={prefs.marginsMm[i] ?? 0}
                      {...LIMITS.marginMm}
                      onCommit={(v) => {
                        const next = [...usePrefs.getState().prefs.marginsMm] as Prefs['marginsMm'];
                        next[i] = v;
                        set('marginsMm', next);
                      }}
                    />
                  ))}
                </div>
              </fieldset>
              <CheckboxField
                id="pref-newPagePerPage"
                label="Start each Confluence page on a new PDF page"
                hint="For exports of a page with its children."
                checked={prefs.newPagePerPage}
                onChange={(v) => set('newPagePerPage', v)}
              />
            </Section>

            <Section id="text" title="Text">
              <div className="grid grid--2">
                <SelectField
                  id="pref-fontFamily"
                  label="Font"
                  value={prefs.fontFamily}
                  options={FONT_FAMILY_CHOICES}
                  hint="Code blocks always use the monospaced font."
                  onChange={(v) => set('fontFamily', v)}
                />
                <NumberField
                  id="pref-fontSize"
                  label="Base font size"
                  unit="pt"
                  value={prefs.fontSize}
                  {...LIMITS.fontSize}
                  onCommit={(v) => set('fontSize', v)}
                />
                <TextField
                  id="pref-locale"
                  label="Date language"
                  value={prefs.locale}
                  list="locales"
                  hint="A language tag such as en-GB or de-DE."
                  validate={(v) => fieldError('locale', v)}
                  onCommit={(v) => set('locale', v)}
                />
                <SelectField
                  id="pref-dateFormat"
                  label="Date format"
                  value={prefs.dateFormat}
                  options={DATE_FORMATS}
                  hint={
                    <>
                      Today:{' '}
                      <span data-testid="date-sample">
                        {formatPrefsDate(now, prefs.locale, prefs.dateFormat)}
                      </span>
                    </>
                  }
                  onChange={(v) => set('dateFormat', v)}
                />
              </div>
              <datalist id="locales">
                {COMMON_LOCALES.map((l) => (
                  <option key={l} value={l} />
                ))}
              </datalist>
              <CheckboxField
                id="pref-metadataLine"
                label="Show author and last update under each page title"
                checked={prefs.metadataLine}
                onChange={(v) => set('metadataLine', v)}
              />
            </Section>

            <Section id="header-footer" title="Header & footer">
              <TextField
                id="pref-headerTemplate"
                label="Header"
                value={prefs.headerTemplate}
                maxLength={LIMITS.templateLength}
                placeholder="Empty: no header"
                hint={TOKENS([
                  '{title}',
                  '{space}',
                  '{page}',
                  '{pages}',
                  '{date}',
                  '{author}',
                  '{url}',
                ])}
                onCommit={(v) => set('headerTemplate', v)}
              />
              <TextField
                id="pref-footerTemplate"
                label="Footer"
                value={prefs.footerTemplate}
                maxLength={LIMITS.templateLength}
                placeholder="Empty: no footer"
                hint="Same tokens as the header. Neither is printed on the cover page."
                onCommit={(v) => set('footerTemplate', v)}
              />
            </Section>

            <Section id="cover-contents" title="Cover & contents">
              <CheckboxField
                id="pref-cover"
                label="Cover page"
                hint="Title, space, date and who exported it."
                checked={prefs.cover}
                onChange={(v) => set('cover', v)}
              />
              <ImageField
                id="pref-coverLogo"
                label="Cover logo"
                value={prefs.coverLogo}
                accept="image/png,image/jpeg"
                maxBytes={MAX_LOGO_BYTES}
                hint={`PNG or JPEG, up to ${MAX_LOGO_BYTES / 1024} KB. Shown on the cover page.`}
                onCommit={(v) => set('coverLogo', v)}
              />
              <div className="grid grid--2">
                <CheckboxField
                  id="pref-toc"
                  label="Table of contents"
                  hint="Exports of a page with its children always get one."
                  checked={prefs.toc}
                  onChange={(v) => set('toc', v)}
                />
                <NumberField
                  id="pref-tocDepth"
                  label="Contents depth"
                  hint="Heading levels listed (1–6)."
                  value={prefs.tocDepth}
                  {...LIMITS.tocDepth}
                  onCommit={(v) => set('tocDepth', v)}
                />
              </div>
            </Section>

            <Section id="watermark" title="Watermark">
              <div className="grid grid--2">
                <TextField
                  id="pref-watermarkText"
                  label="Watermark text"
                  value={prefs.watermarkText}
                  maxLength={LIMITS.watermarkLength}
                  placeholder="e.g. CONFIDENTIAL"
                  hint="Empty: no watermark."
                  onCommit={(v) => set('watermarkText', v)}
                />
                <NumberField
                  id="pref-watermarkOpacity"
                  label="Watermark opacity"
                  unit="%"
                  value={Math.round(prefs.watermarkOpacity * 100)}
                  min={0}
                  max={100}
                  step={1}
                  onCommit={(v) => set('watermarkOpacity', v / 100)}
                />
              </div>
            </Section>

            <Section id="images-code" title="Images & code">
              <div className="grid grid--2">
                <NumberField
                  id="pref-maxImageDpi"
                  label="Image resolution cap"
                  unit="dpi"
                  hint="Larger images are scaled down to this at their printed size: smaller files."
                  value={prefs.maxImageDpi}
                  {...LIMITS.maxImageDpi}
                  onCommit={(v) => set('maxImageDpi', v)}
                />
                <CheckboxField
                  id="pref-codeLineNumbers"
                  label="Line numbers in code blocks"
                  hint="Code blocks that show numbers on the page keep them."
                  checked={prefs.codeLineNumbers}
                  onChange={(v) => set('codeLineNumbers', v)}
                />
              </div>
            </Section>

            <Section id="files" title="Files">
              <div className="grid grid--2">
                <TextField
                  id="pref-fileNameTemplate"
                  label="File name"
                  value={prefs.fileNameTemplate}
                  maxLength={LIMITS.templateLength}
                  validate={(v) => fieldError('fileNameTemplate', v)}
                  hint={
                    <>
                      {TOKENS(['{title}', '{space}', '{date}'])}. Example:{' '}
                      <span data-testid="file-name-sample">{fileName}</span>
                    </>
                  }
                  onCommit={(v) => set('fileNameTemplate', v)}
                />
                <CheckboxField
                  id="pref-previewBeforeDownload"
                  label="Preview before download"
                  hint="Open the PDF in a preview tab with its pages and outline, then download it from there."
                  checked={prefs.previewBeforeDownload}
                  onChange={(v) => set('previewBeforeDownload', v)}
                />
                <CheckboxField
                  id="pref-taggedPdf"
                  label="Tagged (accessible) PDF"
                  hint="Headings, lists, tables and image descriptions that screen readers follow, in reading order."
                  checked={prefs.taggedPdf}
                  onChange={(v) => set('taggedPdf', v)}
                />
                <CheckboxField
                  id="pref-attachToPage"
                  label="Save to Confluence"
                  hint="Also attach the PDF to the exported page (a new version if it is already there), with your own Confluence login. The download happens either way."
                  checked={prefs.attachToPage}
                  onChange={(v) => set('attachToPage', v)}
                />
                <NumberField
                  id="pref-restConcurrency"
                  label="Parallel requests to Confluence"
                  hint="When exporting page trees. Lower it if your site limits request rates."
                  value={prefs.restConcurrency}
                  {...LIMITS.restConcurrency}
                  onCommit={(v) => set('restConcurrency', v)}
                />
                <NumberField
                  id="pref-volumePages"
                  label="Split page trees into volumes of about (pages)"
                  hint="Page-tree and search exports longer than this become several PDFs, built one after the other so memory stays bounded. 0 = always one PDF."
                  value={prefs.volumePages}
                  {...LIMITS.volumePages}
                  onCommit={(v) => set('volumePages', v)}
                />
              </div>
            </Section>

            <Section id="sites" title="Self-hosted Confluence sites">
              <SitesList
                sites={prefs.sites}
                granted={granted}
                onAdd={addSite}
                onGrant={grantSite}
                onRemove={removeSite}
              />
            </Section>
          </div>

          <Section id="settings-file" title="Settings file">
            <SettingsFile sites={prefs.sites} />
          </Section>
        </main>

        <aside className="page__preview" aria-label="Preview">
          <Preview prefs={prefs} />
        </aside>
      </div>
    </div>
  );
}
