/** The part of @pagefind/default-ui this site calls (the package ships no types). */
declare module '@pagefind/default-ui' {
  export interface PagefindUIOptions {
    element: string;
    baseUrl: string;
    bundlePath: string;
    showImages: boolean;
    showSubResults: boolean;
    translations: Record<string, string>;
  }
  export class PagefindUI {
    constructor(options: PagefindUIOptions);
  }
}
