/**
 * After `astro build`, moves the lab frame out of the site's root into a root of its own,
 * `dist-lab/` beside `dist/`, holding the frame document and only the files it loads (its
 * scripts, their static and dynamic imports: the runner, peerjs, webrtc-adapter). The server
 * serves that folder on the lab origin and `dist/` on the site origin, so neither origin has a
 * path, however spelled, to the other's files. A sibling rather than a folder inside `dist/`:
 * anything inside `dist/` is the site's, and Astro empties `dist/` on every build.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { collectAssets, type AssetSource } from '../lib/asset-graph.ts';
import { LAB_CONFIG_PATH } from '../lib/lab-protocol.ts';
import { withoutSitemapPath } from '../lib/sitemap-entries.ts';
import { isPrefetchScript, moduleScriptSources, withInlineScripts, withoutModuleScripts } from '../lib/frame-scripts.ts';

/** The frame's folder: `/lab-frame/` on the lab origin, as src/pages/lab-frame.astro builds it. */
export const LAB_FRAME_FOLDER = 'lab-frame';
export const LAB_FRAME_DOCUMENT = `/${LAB_FRAME_FOLDER}/index.html`;

/** Where the lab origin's root is for a site built into `distDir`. */
export function labRootOf(distDir: string): string {
  return `${path.resolve(distDir)}-lab`;
}

/** A root path (`/_astro/x.js`) as a file under `root`; resolved URL paths never climb out of it. */
function onDisk(root: string, rootPath: string): string {
  return path.join(root, ...rootPath.split('/').filter(Boolean));
}

function diskSource(root: string): AssetSource {
  return {
    has: (rootPath) => {
      const file = onDisk(root, rootPath);
      return existsSync(file) && statSync(file).isFile();
    },
    text: (rootPath) => readFileSync(onDisk(root, rootPath), 'utf8'),
  };
}

export interface LabRoot {
  readonly dir: string;
  /** Root paths copied, the frame document first. */
  readonly files: readonly string[];
}

/** Builds the lab root from a finished `distDir` and removes the frame from it. */
export async function buildLabRoot(distDir: string): Promise<LabRoot> {
  await tuneFrameDocument(distDir);
  const graph = collectAssets(LAB_FRAME_DOCUMENT, diskSource(distDir));
  // The frame preloads the server's answer about origins: a route, not a file to copy.
  const missing = graph.missing.filter(({ path: target }) => target !== LAB_CONFIG_PATH);
  if (missing.length > 0) {
    const list = missing.map(({ from, url, path: target }) => `${target} (${JSON.stringify(url)} in ${from || 'the build'})`).join(', ');
    throw new Error(`the lab frame needs files the build did not write: ${list}`);
  }
  const dir = labRootOf(distDir);
  rmSync(dir, { recursive: true, force: true });
  for (const file of graph.files) {
    const target = onDisk(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    // Copied, not moved: site pages share chunks with the frame (feed, lab manifest, preload helper).
    copyFileSync(onDisk(distDir, file), target);
  }
  rmSync(path.join(distDir, LAB_FRAME_FOLDER), { recursive: true, force: true });
  for (const sitemap of readdirSync(distDir).filter((name) => /^sitemap-\d+\.xml$/.test(name))) {
    const file = path.join(distDir, sitemap);
    writeFileSync(file, withoutSitemapPath(readFileSync(file, 'utf8'), `/${LAB_FRAME_FOLDER}/`));
  }
  return { dir, files: graph.files };
}

/**
 * A built module and everything it imports statically, as one classic script (strict, its
 * names inside a function): what the frame document carries inline. Its dynamic imports (the
 * libraries a lab may import) stay files of their own, named by their root path, since an
 * inline script resolves `./x.js` against the document. A classic script has no
 * `import.meta`: Vite's preload helper, the one user, gets the document's address instead.
 */
async function bundledScript(distDir: string, src: string): Promise<string> {
  const result = await build({
    entryPoints: [onDisk(distDir, src)],
    bundle: true,
    format: 'iife',
    banner: { js: '"use strict";' },
    define: { 'import.meta.url': 'document.baseURI', 'import.meta.resolve': 'undefined' },
    minify: true,
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'dynamic-imports-stay-files',
        setup(bundler) {
          bundler.onResolve({ filter: /.*/ }, ({ kind, path: spec, resolveDir }) => {
            if (kind !== 'dynamic-import') return undefined;
            const file = path.resolve(resolveDir, spec);
            return { path: `/${path.relative(distDir, file).split(path.sep).join('/')}`, external: true };
          });
        },
      },
    ],
  });
  if (result.warnings.length > 0) throw new Error(`bundling ${src} for the frame: ${result.warnings.map((warning) => warning.text).join('; ')}`);
  const [output] = result.outputFiles;
  if (!output) throw new Error(`bundling ${src} for the frame gave no output`);
  return output.text.trimEnd();
}

/** No prefetch script, and the runner inline (src/lib/frame-scripts.ts). */
async function tuneFrameDocument(distDir: string): Promise<void> {
  const document = onDisk(distDir, LAB_FRAME_DOCUMENT);
  const source = diskSource(distDir);
  const html = withoutModuleScripts(readFileSync(document, 'utf8'), (src) => src.startsWith('/') && source.has(src) && isPrefetchScript(source.text(src)));
  const bundles = new Map<string, string>();
  for (const src of moduleScriptSources(html)) bundles.set(src, await bundledScript(distDir, src));
  writeFileSync(document, withInlineScripts(html, (src) => bundles.get(src)));
}

export function labRoot(): AstroIntegration {
  return {
    name: 'webrtc-lab:lab-root',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const built = await buildLabRoot(fileURLToPath(dir));
        logger.info(`lab origin root: ${path.relative(process.cwd(), built.dir)}/ (${built.files.length} files)`);
      },
    },
  };
}
