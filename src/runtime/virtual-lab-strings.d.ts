/** The modules src/build/lab-strings-modules.ts makes: one language's `lab.` UI strings. */
declare module 'virtual:lab-strings/*' {
  const strings: import('../lib/console-entries.ts').Strings;
  export default strings;
}
