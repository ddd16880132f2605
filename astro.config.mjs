// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { searchForWorkspaceRoot } from 'vite';
import starlight from '@astrojs/starlight';
import { brokerIntegration } from './src/server/dev-integration.ts';
import { labsCheck } from './src/build/labs-check.ts';
import { labRoot } from './src/build/lab-root.ts';
import { precompress } from './src/build/precompress.ts';
import { monacoCssInline } from './src/build/monaco-css.ts';
import { peerjsNoPublicServers } from './src/build/peerjs-no-public-servers.ts';
import { labStringsModules } from './src/build/lab-strings-modules.ts';

/** A sidebar group filled from one folder of lessons, labelled in both languages. */
const group = (/** @type {string} */ label, /** @type {string} */ ko, /** @type {string} */ directory) => ({ label, translations: { ko }, items: [{ autogenerate: { directory } }] });

export default defineConfig({
  output: 'static',
  // Only the sitemap uses it; a deployment sets SITE_ORIGIN to its public address.
  site: process.env.SITE_ORIGIN ?? 'http://localhost:4321',
  vite: {
    plugins: [monacoCssInline(), peerjsNoPublicServers(), labStringsModules()],
    // Pre-bundle what labs import only after a click, so `npm run dev` does not discover them
    // mid-lab and reload the page under the learner. Pre-bundling skips the plugins above, so
    // the one that matters inside it is given to it too.
    optimizeDeps: { include: ['sucrase', 'acorn', 'peerjs', 'webrtc-adapter', 'zod'], rolldownOptions: { plugins: [peerjsNoPublicServers()] } },
    server: {
      // Monaco loads its icon font by URL from node_modules; allow wherever npm put it.
      fs: { allow: [searchForWorkspaceRoot(process.cwd()), fileURLToPath(new URL('../..', import.meta.resolve('monaco-editor')))] },
    },
    build: {
      // Monaco's core and TypeScript worker are large by nature; they load only when a
      // learner opens the editor, never on a reading page (tests/e2e/budget.test.ts).
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        // MDX pages carry Astro's "use astro:head-inject" marker; the bundler's note about
        // module-level directives is expected and says nothing about this project.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? '127.0.0.1' },
  integrations: [
    starlight({
      title: 'WebRTC Lab',
      description: 'Learn WebRTC in TypeScript with labs that run in your browser.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        ko: { label: '한국어', lang: 'ko' },
      },
      lastUpdated: false,
      customCss: ['./src/styles/site.css'],
      components: { Sidebar: './src/components/Sidebar.astro', Search: './src/components/Search.astro' },
      sidebar: [
        group('Start here', '시작하기', 'start'),
        group('Media', '미디어', 'media'),
        group('Connections', '연결', 'connections'),
        group('Signaling and pairing', '시그널링과 페어링', 'signaling'),
        group('NAT, STUN and TURN', 'NAT, STUN, TURN', 'nat'),
        group('Debugging', '디버깅', 'debugging'),
        group('Host a class', '수업용 호스팅', 'deploy'),
      ],
    }),
    brokerIntegration(),
    labsCheck(),
    labRoot(),
    precompress(),
  ],
});
