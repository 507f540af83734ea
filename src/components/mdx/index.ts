import Checkpoint from './Checkpoint.astro';
import Parts from './Parts.astro';
import Rule from './Rule.astro';
import Steps from './Steps.astro';
import Tools from './Tools.astro';
import Warning from './Warning.astro';

/** The components an SOP or guide body may use without importing them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- typed lint cannot see .astro modules' types; astro check types this object
export const mdxComponents = { Steps, Warning, Checkpoint, Tools, Parts, Rule };
