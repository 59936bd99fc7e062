// Makes sure the extension builds that the browser tests, the demo and the benchmark load are fresh:
// a build older than any source file is rebuilt, so a stale build can never pass.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const TARGETS = {
  chrome: { dir: '.output/chrome-mv3', args: ['wxt', 'build'], env: 'LIBYA_LENS_CHROME_BUILD' },
  firefox: { dir: '.output/firefox-mv2', args: ['wxt', 'build', '-b', 'firefox'], env: 'LIBYA_LENS_FIREFOX_BUILD' },
};

// What goes into a build. Tests beside the code (*.test.ts) do not.
const SOURCE_DIRS = ['entrypoints', 'lib', 'assets', 'public', 'components', 'utils', 'composables', 'hooks', 'modules'];
const SOURCE_FILES = ['wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'app.config.ts'];

function newestIn(path) {
  if (!existsSync(path)) return { time: 0, file: '' };
  const stat = statSync(path);
  if (!stat.isDirectory()) return { time: stat.mtimeMs, file: path };
  let newest = { time: stat.mtimeMs, file: path };
  for (const entry of readdirSync(path)) {
    if (entry.includes('.test.') || entry === 'node_modules' || entry.startsWith('.')) continue;
    const found = newestIn(join(path, entry));
    if (found.time > newest.time) newest = found;
  }
  return newest;
}

/** The newest source file and its modification time (ms). */
export function newestSource(root = ROOT) {
  let newest = { time: 0, file: '' };
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) {
    const found = newestIn(join(root, name));
    if (found.time > newest.time) newest = found;
  }
  return newest;
}

/** Absolute path of a target's build directory (an env override, for trying the harness on another build). */
export function buildDir(target, root = ROOT) {
  const spec = TARGETS[target];
  return resolve(process.env[spec.env] || join(root, spec.dir));
}

/** Why a target needs building, or '' when its build is fresh. */
export function staleReason(target, root = ROOT) {
  const spec = TARGETS[target];
  if (process.env[spec.env]) return '';
  const manifest = join(buildDir(target, root), 'manifest.json');
  if (!existsSync(manifest)) return `${spec.dir} does not exist`;
  const built = statSync(manifest).mtimeMs;
  const newest = newestSource(root);
  if (newest.time > built) return `${newest.file.slice(root.length)} is newer than ${spec.dir}`;
  return '';
}

/** Builds every target in `targets` whose build is missing or older than the sources. Throws if a build fails. */
export function ensureBuilds(targets = ['chrome', 'firefox'], { root = ROOT, log = console.log } = {}) {
  for (const target of targets) {
    const reason = staleReason(target, root);
    if (!reason) continue;
    const spec = TARGETS[target];
    log(`[build] ${reason}: running npx ${spec.args.join(' ')}`);
    const started = Date.now();
    const result = spawnSync('npx', spec.args, { cwd: root, stdio: 'inherit', env: process.env });
    if (result.status !== 0) {
      throw new Error(`npx ${spec.args.join(' ')} failed (exit ${result.status ?? result.signal}): fix the build before running browser tests`);
    }
    log(`[build] ${spec.dir} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
