/**
 * The printable plan, loaded as one piece when the page is idle or on Print: the read-only rendering shared with
 * <hub-plan-view>, its styles and words, and every measure's definition (so all check-ins print).
 */
export { loadAllMeasures } from '../measures/index.js';
export { renderPlan } from '../plan-view/render-plan.js';
export { strings } from '../plan-view/render-plan.strings.js';
export { planStyles } from '../plan-view/render-plan.styles.js';
