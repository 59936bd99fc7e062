import browser from 'webextension-polyfill';

/**
 * The keys the browser binds to the extension's commands (wxt.config.ts), by command name: the reader may
 * change or clear them (chrome://extensions/shortcuts, about:addons), so pages show what is bound now.
 */
export async function commandShortcuts(): Promise<Record<string, string | undefined>> {
  try {
    const commands = await browser.commands.getAll();
    return Object.fromEntries(commands.map((command) => [command.name ?? '', command.shortcut || undefined]));
  } catch {
    return {};
  }
}
