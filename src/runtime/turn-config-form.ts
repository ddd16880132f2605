/**
 * The generator form's behaviour: every input regenerates turnserver.conf, problems show under
 * their fields (aria-invalid, described by the message), and Copy puts the file on the clipboard.
 * While a field is wrong the file keeps the last valid answers, and Copy waits for a fix.
 */
import {
  DEFAULT_PORTS,
  generateTurnConfig,
  type ConfigLanguage,
  type TurnConfigError,
  type TurnConfigInput,
  type TurnUser,
} from '../lib/turn-config.ts';

/** `alice:secret` a line; a line without a colon is a user with no password, which the generator refuses. */
export function parseUserLines(text: string): TurnUser[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return colon < 0 ? { name: line, password: '' } : { name: line.slice(0, colon), password: line.slice(colon + 1) };
    });
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_');
}

export function mountTurnConfigForm(form: HTMLFormElement): void {
  const messages = JSON.parse(form.dataset['messages'] ?? '{}') as Record<string, string>;
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as Record<'copied' | 'copyFailed', string>;
  const output = form.querySelector<HTMLElement>('[data-turnconf-output]');
  const stale = form.querySelector<HTMLElement>('[data-turnconf-stale]');
  const status = form.querySelector<HTMLElement>('[data-turnconf-status]');
  const copy = form.querySelector<HTMLButtonElement>('[data-turnconf-copy]');
  if (!output || !stale || !status || !copy) return;

  const control = (name: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  const text = (name: string): string => control(name)?.value.trim() ?? '';
  const port = (name: string, fallback: number): number => {
    const value = text(name);
    return value === '' ? fallback : Number(value);
  };
  const authMode = (): string => (form.querySelector<HTMLInputElement>('input[name="authMode"]:checked')?.value ?? 'use-auth-secret');

  const read = (): TurnConfigInput => {
    const cert = text('cert');
    const pkey = text('pkey');
    const externalIp = text('externalIp');
    const privateIp = text('privateIp');
    return {
      language: (text('language') === 'ko' ? 'ko' : 'en') satisfies ConfigLanguage,
      domain: text('domain'),
      ...(externalIp ? { externalIp } : {}),
      ...(privateIp ? { privateIp } : {}),
      listeningPort: port('listeningPort', DEFAULT_PORTS.listeningPort),
      tlsListeningPort: port('tlsListeningPort', DEFAULT_PORTS.tlsListeningPort),
      minPort: port('minPort', DEFAULT_PORTS.minPort),
      maxPort: port('maxPort', DEFAULT_PORTS.maxPort),
      ...(cert ? { cert } : {}),
      ...(pkey ? { pkey } : {}),
      auth: authMode() === 'lt-cred-mech' ? { mode: 'lt-cred-mech', users: parseUserLines(control('users')?.value ?? '') } : { mode: 'use-auth-secret', secret: text('secret') },
    };
  };

  const showErrors = (errors: readonly TurnConfigError[]): void => {
    for (const message of form.querySelectorAll<HTMLElement>('.turnconf-error')) {
      message.hidden = true;
      message.textContent = '';
    }
    for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
    for (const error of errors) {
      const field = control(error.field);
      const message = field ? document.getElementById(`${field.id}-error`) : null;
      if (!field || !message || !message.hidden) continue;
      field.setAttribute('aria-invalid', 'true');
      message.textContent = messages[error.problem] ?? error.problem;
      message.hidden = false;
    }
  };

  const update = (): void => {
    const mode = authMode();
    for (const part of form.querySelectorAll<HTMLElement>('[data-auth]')) part.hidden = part.dataset['auth'] !== mode;
    const result = generateTurnConfig(read());
    showErrors(result.ok ? [] : result.errors);
    stale.hidden = result.ok;
    copy.disabled = !result.ok;
    if (result.ok) output.textContent = result.text;
    status.textContent = '';
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.querySelector('[data-turnconf-secret]')?.addEventListener('click', () => {
    const secret = control('secret');
    if (!secret) return;
    secret.value = randomSecret();
    update();
  });
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(output.textContent ?? '').then(
      () => (status.textContent = strings.copied),
      () => (status.textContent = strings.copyFailed),
    );
  });

  // Whatever was typed before this module arrived is read now.
  update();
}
