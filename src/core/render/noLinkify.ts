/**
 * What every bundle gets for the `linkify-it` package (esbuild.js aliases it here): markdown-it's
 * constructor always makes a LinkifyIt, which builds and parses its ~20 regular expressions of
 * Unicode classes at once (about 6 ms of the first report in a fresh process), but the reports'
 * markdown-it has linkify off (markdownIt.ts), and markdown-it asks its `linkify` only when that
 * option is on (its core and inline `linkify` rules return first otherwise). Nothing here can
 * make a link: any use throws, so turning linkify on fails loudly instead of finding no links.
 */
export default class NoLinkify {
  test(): never {
    return unavailable();
  }

  pretest(): never {
    return unavailable();
  }

  match(): never {
    return unavailable();
  }

  matchAtStart(): never {
    return unavailable();
  }
}

function unavailable(): never {
  throw new Error('linkify-it is not bundled: the report markdown-it has linkify off (src/core/render/noLinkify.ts)');
}
