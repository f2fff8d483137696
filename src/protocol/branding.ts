/**
 * The one piece of a team's branding the preview page applies itself: the accent colour, which
 * the report's masthead carries as `data-accent` (core/render/brandHtml.ts). The page allows no
 * inline styles, so its script sets the colour as a CSS variable, once checked here: only
 * `#RRGGBB` is ever set, whatever the attribute holds.
 */
import * as z from './zodMini';

const AccentColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/));

/** The accent colour, or undefined when the value is not `#RRGGBB`. */
export function parseAccentColor(value: unknown): string | undefined {
  const parsed = AccentColor.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
