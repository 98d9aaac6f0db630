import type { DecodedFeed } from '@townhub/schema/feed';
import { adoptStyles, html, type LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HubPlanAddEvent } from '../internal/events.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { buttonStyles, focusStyles, visuallyHidden } from '../internal/theme.js';
import { HubPlanChangeEvent } from '../plan/events.js';
import { planFileName, planToFileText, readPlanFile } from '../plan/file.js';
import { GOAL_PROGRESS, type Goal, localDay, newId, type Person, type Plan, type Step } from '../plan/schema.js';
import { PlanStore } from '../plan/storage.js';
import type { RenderPlanStrings } from '../plan-view/render-plan.strings.js';
import type { LiveSharing } from './live-sharing.js';
import { styles } from './plan-builder.styles.js';
import type { ReadOnlyLink } from './read-only-link.js';
import { strings } from './strings.js';

type Collection = 'goals' | 'steps' | 'people' | 'assets';
/** The editor's sections: goals, steps, people, assets, review, keep. */
const SECTIONS = 6;
type Notice = { message: string; undo?: () => void };

/**
 * @summary The person's wellness plan: what matters to them, steps, support network, chosen community support,
 * review date and progress — kept on their device, with export, import, print and sharing.
 *
 * With `share-service` (the share service's base URL), the person can give each supporter their own link, which
 * always shows the latest version, and withdraw it later; the plan is encrypted in the browser with a key per person.
 * Without it, sharing makes a read-only copy carried entirely in the link.
 *
 * The plan is stored per hub (`hub`) in this browser only. Every edit is saved at once; two tabs or widgets editing
 * the same plan never overwrite each other's changes. Saved data that cannot be read is kept aside and the person is
 * told. Assets are added from `hub-plan-add` events anywhere on the page (an asset finder's "Add to my plan"), or by
 * searching the hub's feed (`src` or `.feed`) inside the plan. Deleting anything can be undone.
 *
 * @event hub-plan-change - The plan was saved. `detail: { hub, revision }`.
 *
 * @csspart editor - The editable plan (hidden when printing).
 * @csspart print - The plan as printed.
 */
export class HubPlanBuilder extends HubElement {
  static override styles = [...HubElement.styles, focusStyles, buttonStyles, visuallyHidden, styles];

  /** The hub the plan belongs to: each hub's plan is stored separately on the device. */
  @property() hub = 'default';

  /** URL of the hub's feed (feed.json), for life areas, asset links and searching inside the plan. */
  @property() src = '';

  /** The hub's feed, already decoded (instead of `src`). */
  @property({ attribute: false }) feed?: DecodedFeed;

  /** The page that shows shared plans (holding `<hub-plan-view>`); this page when unset. */
  @property({ attribute: 'share-url' }) shareUrl = '';

  /** Base URL of the share service (e.g. `/api/shares`). When unset, sharing makes a read-only copy in the link. */
  @property({ attribute: 'share-service' }) shareService = '';

  /** The date new things are added on (YYYY-MM-DD); today on the device when unset. */
  @property() today = '';

  /** Heading level of the plan's title; sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private plan!: Plan;
  @state() private notice?: Notice;
  @state() private query = '';
  @state() private errors: Partial<Record<'goal' | 'step' | 'person' | 'import', string>> = {};
  @state() private shareError?: string;
  /**
   * How many of the editor's sections are drawn. The first render draws the first, and each task after it the next,
   * so a long plan never holds the page in one long task; the later sections start below the fold.
   */
  @state() private shownSections = 1;

  private readonly localize = new LocalizeController(this, strings);
  private store!: PlanStore;
  /** The "Share with someone" section, loaded when `share-service` is set. */
  private liveSharing?: Promise<LiveSharing>;
  private liveSection?: LiveSharing;
  /** The read-only link, loaded when first asked for. */
  private readOnlyLink?: ReadOnlyLink;
  /** The printable plan (the read-only view shared with <hub-plan-view>), loaded when the page is idle or on Print. */
  private printing?: Promise<void>;
  private renderPrint?: typeof import('./print.js').renderPlan;
  private printWords?: LocalizeController<RenderPlanStrings>;
  private unsubscribe?: () => void;

  /** The hub's feed once loaded, with the code that searches and links it (loaded only when there is a feed). */
  @state() private hubFeed?: { feed: DecodedFeed; tools: typeof import('./hub-feed.js') };
  private searchWords?: LocalizeController<import('./hub-feed.js').SearchStrings>;
  @state() private feedFailed = false;
  private feedTools?: Promise<unknown>;
  private feedAbort?: AbortController;

  private readonly onPlanAdd = (event: HubPlanAddEvent) => {
    this.addAsset(event.detail.assetId, event.detail.name);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.openStore();
    if (this.shareService) void this.loadLiveSharing();
    document.addEventListener(HubPlanAddEvent.eventName, this.onPlanAdd);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(HubPlanAddEvent.eventName, this.onPlanAdd);
    this.unsubscribe?.();
    this.store.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hub') && changed.get('hub') !== undefined && this.isConnected) this.openStore();
    if (this.shareService) void this.loadLiveSharing();
    if (changed.has('src') || changed.has('feed')) this.loadFeed();
  }

  private loadFeed(): void {
    this.feedAbort?.abort();
    const { src, feed } = this;
    this.feedFailed = false;
    if (!feed && !src) {
      this.hubFeed = undefined;
      return;
    }
    const abort = new AbortController();
    this.feedAbort = abort;
    const tools = import('./hub-feed.js').then((loaded) => {
      this.searchWords ??= new LocalizeController(this, loaded.strings);
      return loaded;
    });
    this.feedTools = tools;
    tools
      .then(async (loaded) => ({ feed: feed ?? (await loaded.fetchFeed(src, abort.signal)), tools: loaded }))
      .then(
        (hubFeed) => {
          if (!abort.signal.aborted) this.hubFeed = hubFeed;
        },
        () => {
          if (abort.signal.aborted) return;
          this.hubFeed = undefined;
          this.feedFailed = true;
        },
      );
  }

  /** Resolves once the parts that load on demand (live sharing, the feed's search) have arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.shownSections < SECTIONS && this.isConnected) {
      await new Promise((later) => setTimeout(later));
      done = await super.getUpdateComplete();
    }
    for (const loading of [this.liveSharing, this.feedTools]) {
      const arrived = await loading?.then(
        () => true,
        () => false,
      );
      if (arrived) done = await super.getUpdateComplete();
    }
    return done;
  }

  /** The page's own content, in view until the first render. */
  private fallback?: Element;

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    this.fallback = root.appendChild(document.createElement('slot'));
    return root;
  }

  /**
   * The first render waits for the next task, so loading the element and drawing it are two shorter tasks on a slow
   * phone. Meanwhile the page's own content stays in view (the slot above), so nothing on the page moves.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await new Promise((later) => setTimeout(later));
    super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues<this>): void {
    this.fallback?.remove();
    super.update(changed);
  }

  protected override updated(): void {
    if (this.shownSections < SECTIONS) setTimeout(() => this.shownSections++);
  }

  /** Once the page is idle, fetches what printing and a read-only link need, so they work offline later. */
  protected override firstUpdated(): void {
    const later = globalThis.requestIdleCallback ?? setTimeout;
    later(() => {
      void this.preparePrint().catch(() => undefined);
      if (!this.shareService) import('./read-only-link.js').catch(() => undefined);
    });
  }

  /** Loads and renders the printable plan; resolves when the plan is ready to print. */
  async preparePrint(): Promise<void> {
    this.printing ??= import('./print.js')
      .then(async (print) => {
        await print.loadAllMeasures();
        adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof LitElement).elementStyles, print.planStyles]);
        this.printWords = new LocalizeController(this, print.strings);
        this.renderPrint = print.renderPlan;
        this.requestUpdate();
      })
      .catch((error: unknown) => {
        this.printing = undefined;
        throw error;
      });
    await this.printing;
    await this.updateComplete;
  }

  private async print(): Promise<void> {
    // Offline before the printable plan loaded: print the editor rather than nothing.
    await this.preparePrint().catch(() => undefined);
    window.print();
  }

  private loadLiveSharing(): Promise<LiveSharing> {
    this.liveSharing ??= import('./live-sharing.js').then((m) => (this.liveSection = new m.LiveSharing(this, new LocalizeController(this, m.strings))));
    return this.liveSharing;
  }

  private openStore(): void {
    this.unsubscribe?.();
    this.store?.close();
    this.store = new PlanStore(this.hub || 'default');
    this.plan = this.store.load();
    void this.liveSharing?.then((live) => live.open());
    this.unsubscribe = this.store.subscribe((plan) => {
      this.plan = plan;
    });
  }

  /** The plan as currently saved. */
  get value(): Plan {
    return this.plan;
  }

  private get day(): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.today) ? this.today : localDay();
  }

  /** Saves a change against the freshest stored plan. */
  private change(edit: (plan: Plan) => void): void {
    this.plan = this.store.update(edit);
    this.saved();
  }

  /** Tells the page about a save and brings every live share up to date. */
  private saved(): void {
    this.emit(new HubPlanChangeEvent({ hub: this.plan.hub, revision: this.plan.revision }));
    if (this.shareService) void this.loadLiveSharing().then((live) => live.push());
  }

  private edit<C extends Exclude<Collection, 'assets'>>(collection: C, id: string, patch: Partial<Plan[C][number]>): void {
    this.change((p) => {
      const item = (p[collection] as { id: string }[]).find((i) => i.id === id);
      if (item) Object.assign(item, patch);
    });
  }

  // ---------------------------------------------------------------------------
  // Adding, deleting and undoing

  /** Adds an asset to the plan (from a finder's event or the search); says so when it is already there. */
  addAsset(id: string, name: string): void {
    const t = this.localize.t;
    if (this.store.load().assets.some((a) => a.id === id)) {
      this.notice = { message: t.alreadyAdded(name) };
      return;
    }
    this.change((p) => {
      if (!p.assets.some((a) => a.id === id)) p.assets.push({ id, name: name.slice(0, 300), added: this.day });
    });
    this.notice = { message: t.addedAsset(name) };
  }

  private async deleteItem(collection: Collection, id: string, description: string): Promise<void> {
    const list = this.plan[collection] as { id: string }[];
    const index = list.findIndex((i) => i.id === id);
    const item = list[index];
    if (!item) return;
    this.change((p) => {
      (p[collection] as { id: string }[]) = (p[collection] as { id: string }[]).filter((i) => i.id !== id);
    });
    const t = this.localize.t;
    this.notice = {
      message: t.deleted(description),
      undo: () =>
        this.change((p) => {
          const items = p[collection] as { id: string }[];
          if (!items.some((i) => i.id === id)) items.splice(Math.min(index, items.length), 0, item);
        }),
    };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.notice button')?.focus();
  }

  private async undo(): Promise<void> {
    const undo = this.notice?.undo;
    if (!undo) return;
    undo();
    this.notice = { message: this.localize.t.undone };
  }

  private submitNew(event: SubmitEvent, kind: 'goal' | 'step' | 'person'): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const t = this.localize.t;
    const main = get(kind === 'person' ? 'name' : 'text');
    if (!main) {
      this.errors = { ...this.errors, [kind]: kind === 'goal' ? t.enterGoal : kind === 'step' ? t.enterStep : t.enterName };
      this.updateComplete.then(() => form.querySelector<HTMLInputElement>('input, textarea')?.focus());
      return;
    }
    this.errors = { ...this.errors, [kind]: undefined };
    const id = newId();
    const optional = (name: string) => get(name) || undefined;
    this.change((p) => {
      if (kind === 'goal') p.goals.push({ id, text: main, lifeArea: optional('lifeArea'), progress: 'not-started', notes: '' });
      if (kind === 'step') p.steps.push({ id, text: main, due: optional('due'), goalId: optional('goalId'), assetId: optional('assetId'), done: false });
      if (kind === 'person')
        p.people.push({
          id,
          name: main,
          relationship: get('relationship'),
          contact: get('contact'),
          helpsWith: get('helpsWith'),
          professional: data.get('professional') === 'on',
        });
    });
    form.reset();
    form.querySelector<HTMLInputElement>('input, textarea')?.focus();
  }

  // ---------------------------------------------------------------------------
  // Export, import, share, print

  /** The plan as an export file. */
  async exportFile(): Promise<File> {
    return new File([planToFileText(this.plan)], planFileName(this.plan), { type: 'application/json' });
  }

  private async download(): Promise<void> {
    const file = await this.exportFile();
    this.save(file, file.name);
  }

  /** Offers data to the person as a downloaded file. */
  private save(data: Blob, name: string): void {
    const url = URL.createObjectURL(data);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** Reads an export file into the plan, replacing it (the replacement can be undone). */
  async importFile(file: File): Promise<boolean> {
    const t = this.localize.t;
    try {
      const imported = await readPlanFile(file);
      const previous = this.store.load();
      this.plan = this.store.replace(imported);
      this.saved();
      this.errors = { ...this.errors, import: undefined };
      this.notice = {
        message: t.imported(file.name),
        undo: () => {
          this.plan = this.store.replace(previous);
          this.saved();
        },
      };
      return true;
    } catch (error) {
      this.errors = { ...this.errors, import: `${t.importFailed} ${error instanceof Error && error.name === 'PlanFormatError' ? error.message : ''}`.trim() };
      return false;
    }
  }

  private async onImport(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.importFile(file);
    input.value = '';
  }

  /** Makes a read-only share link for the current plan. */
  async createShareLink(): Promise<string | undefined> {
    try {
      const { ReadOnlyLink, strings } = await import('./read-only-link.js');
      this.readOnlyLink ??= new ReadOnlyLink(this, new LocalizeController(this, strings));
      const link = await this.readOnlyLink.create();
      this.shareError = undefined;
      return link;
    } catch {
      this.readOnlyLink?.clear();
      this.shareError = this.localize.t.shareFailed;
      return undefined;
    }
  }

  /** The page that opens shared plans. */
  get viewerUrl(): string {
    return this.shareUrl ? new URL(this.shareUrl, location.href).href : location.href.split('#')[0]!;
  }

  /** Resolves when every queued live-share request (create, update, withdraw) has finished. */
  get liveSharesSettled(): Promise<void> {
    return this.liveSharing?.then((live) => live.settled) ?? Promise.resolve();
  }

  /** Gives `label` (e.g. "my sister") their own live link to the plan. Returns the link, or undefined on failure. */
  async shareWith(label: string): Promise<string | undefined> {
    return (await this.loadLiveSharing()).shareWith(label);
  }

  /** Withdraws one live link: the service forgets the plan and the person's view says access was withdrawn. */
  async revokeLiveShare(id: string): Promise<boolean> {
    return (await this.loadLiveSharing()).revoke(id);
  }

  private downloadSetAside(): void {
    const text = this.store.setAsideText();
    if (text !== null) this.save(new Blob([text], { type: 'application/octet-stream' }), 'wellness-plan-unreadable.txt');
  }

  // ---------------------------------------------------------------------------
  // Feed helpers

  private get loadedFeed(): DecodedFeed | undefined {
    return this.hubFeed?.feed;
  }

  private lifeAreas(): { id: string; label: string }[] {
    return (this.loadedFeed?.categories ?? []).filter((c) => !c.parent);
  }

  private lifeAreaLabel = (id: string) => this.loadedFeed?.categories.find((c) => c.id === id)?.label;

  private assetHref = (id: string): string | undefined => this.hubFeed?.tools.assetHref(this.hubFeed.feed, id);

  // ---------------------------------------------------------------------------
  // Rendering

  private heading(level: number, text: string, id: string): TemplateResult {
    return html`<div class="heading heading--${level === this.headingLevel ? 'title' : 'section'}" role="heading" aria-level=${Math.min(6, Math.max(1, level))} id=${id}>
      ${text}
    </div>`;
  }

  private errorMessage(id: string, message: string | undefined): TemplateResult | typeof nothing {
    return message ? html`<p class="error-message" id=${id}><span class="visually-hidden">${this.localize.t.error}</span> ${message}</p>` : nothing;
  }

  private lifeAreaOptions(selected: string | undefined): TemplateResult {
    const areas = this.lifeAreas();
    const known = !selected || areas.some((a) => a.id === selected);
    return html`<option value="" ?selected=${!selected}>${this.localize.t.noLifeArea}</option>
      ${areas.map((a) => html`<option value=${a.id} ?selected=${a.id === selected}>${a.label}</option>`)}
      ${known ? nothing : html`<option value=${selected!} selected>${this.lifeAreaLabel(selected!) ?? selected}</option>`}`;
  }

  override render() {
    const t = this.localize.t;
    const level = Math.min(6, Math.max(1, this.headingLevel));
    const print = this.renderPrint;
    const printWords = this.printWords?.t;
    const shown = this.shownSections;
    // The printable plan comes first so that, once it is there, print styles can hide the editor that follows it.
    return html`
      ${
        print && printWords
          ? html`<div class="print" part="print">
            <div class="heading heading--title">${t.title}</div>
            <p class="meta">${t.updated(this.plan.updated, this.localize.lang)}</p>
            ${print(this.plan, { ...t, ...printWords }, { lang: this.localize.lang, headingLevel: level + 1, lifeAreaLabel: this.lifeAreaLabel, assetHref: this.assetHref })}
          </div>`
          : nothing
      }
      <div class="editor" part="editor">
        ${this.heading(level, t.title, 'title')} ${this.renderProblems()}
        ${
          this.notice
            ? html`<div class="notice" role="status">
              <span>${this.notice.message}</span>
              ${this.notice.undo ? html`<button type="button" class="hub-button hub-button--secondary" @click=${this.undo}>${t.undo}</button>` : nothing}
            </div>`
            : html`<div class="visually-hidden" role="status"></div>`
        }
        ${this.renderGoals(level + 1)} ${shown > 1 ? this.renderSteps(level + 1) : nothing} ${shown > 2 ? this.renderPeople(level + 1) : nothing}
        ${shown > 3 ? this.renderAssets(level + 1) : nothing} ${shown > 4 ? this.renderReview(level + 1) : nothing} ${shown > 5 ? this.renderKeep(level + 1) : nothing}
      </div>
    `;
  }

  private renderProblems(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const setAside = this.store.setAside;
    return html`${
      setAside
        ? html`<div class="warning" role="alert">
          <p class="warning-title">${t.setAsideTitle}</p>
          <p>${t.setAside(setAside.reason)}</p>
          <p><button type="button" class="hub-button hub-button--link" @click=${this.downloadSetAside}>${t.downloadSetAside}</button></p>
        </div>`
        : nothing
    }
    ${this.store.problem ? html`<div class="warning" role="alert"><p>${this.store.problem === 'full' ? t.storageFull : t.storageUnavailable}</p></div>` : nothing}`;
  }

  private renderGoals(level: number): TemplateResult {
    const t = this.localize.t;
    return html`<section aria-labelledby="goals-heading">
      ${this.heading(level, t.goals, 'goals-heading')}
      <p class="hint">${t.goalsHint}</p>
      ${this.plan.goals.length ? html`<ol class="items">${this.plan.goals.map((g) => this.renderGoal(g))}</ol>` : html`<p>${t.noGoals}</p>`}
      <form class="add" novalidate @submit=${(e: SubmitEvent) => this.submitNew(e, 'goal')}>
        <div class="field ${this.errors.goal ? 'field--error' : ''}">
          <label for="new-goal">${t.newGoal}</label>
          ${this.errorMessage('new-goal-error', this.errors.goal)}
          <textarea id="new-goal" name="text" rows="2" maxlength="500" aria-describedby=${this.errors.goal ? 'new-goal-error' : nothing}></textarea>
        </div>
        ${
          this.lifeAreas().length
            ? html`<div class="field">
              <label for="new-goal-area">${t.lifeArea}</label>
              <select id="new-goal-area" name="lifeArea">${this.lifeAreaOptions(undefined)}</select>
            </div>`
            : nothing
        }
        <button class="hub-button" type="submit">${t.addGoal}</button>
      </form>
    </section>`;
  }

  private renderGoal(goal: Goal): TemplateResult {
    const t = this.localize.t;
    const id = `goal-${goal.id}`;
    return html`<li class="item">
      <div class="field">
        <label for="${id}-text">${t.goalText}</label>
        <textarea id="${id}-text" rows="2" maxlength="500" .value=${goal.text} @change=${(e: Event) => this.edit('goals', goal.id, { text: (e.target as HTMLTextAreaElement).value })}></textarea>
      </div>
      ${
        this.lifeAreas().length || goal.lifeArea
          ? html`<div class="field">
            <label for="${id}-area">${t.lifeArea}</label>
            <select id="${id}-area" @change=${(e: Event) => this.edit('goals', goal.id, { lifeArea: (e.target as HTMLSelectElement).value || undefined })}>
              ${this.lifeAreaOptions(goal.lifeArea)}
            </select>
          </div>`
          : nothing
      }
      <fieldset class="field">
        <legend>${t.progressLabel}</legend>
        <div class="choices">
          ${GOAL_PROGRESS.map(
            (p) => html`<div class="choice">
              <input type="radio" id="${id}-${p}" name="${id}-progress" .checked=${goal.progress === p} @change=${() => this.edit('goals', goal.id, { progress: p })} />
              <label for="${id}-${p}">${t.progress[p]}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="${id}-notes">${t.progressNotes}</label>
        <textarea id="${id}-notes" rows="2" maxlength="2000" .value=${goal.notes} @change=${(e: Event) => this.edit('goals', goal.id, { notes: (e.target as HTMLTextAreaElement).value })}></textarea>
      </div>
      <button type="button" class="hub-button hub-button--secondary" @click=${() => this.deleteItem('goals', goal.id, t.goalNamed(goal.text))}>
        ${t.delete}<span class="visually-hidden"> ${t.goalNamed(goal.text)}</span>
      </button>
    </li>`;
  }

  private goalOptions(selected: string | undefined): TemplateResult {
    return html`<option value="" ?selected=${!selected}>${this.localize.t.none}</option>
      ${this.plan.goals.map((g) => html`<option value=${g.id} ?selected=${g.id === selected}>${g.text}</option>`)}`;
  }

  private assetOptions(selected: string | undefined): TemplateResult {
    return html`<option value="" ?selected=${!selected}>${this.localize.t.none}</option>
      ${this.plan.assets.map((a) => html`<option value=${a.id} ?selected=${a.id === selected}>${a.name}</option>`)}`;
  }

  private renderSteps(level: number): TemplateResult {
    const t = this.localize.t;
    return html`<section aria-labelledby="steps-heading">
      ${this.heading(level, t.steps, 'steps-heading')}
      <p class="hint">${t.stepsHint}</p>
      ${this.plan.steps.length ? html`<ol class="items">${this.plan.steps.map((s) => this.renderStep(s))}</ol>` : html`<p>${t.noSteps}</p>`}
      <form class="add" novalidate @submit=${(e: SubmitEvent) => this.submitNew(e, 'step')}>
        <div class="field ${this.errors.step ? 'field--error' : ''}">
          <label for="new-step">${t.newStep}</label>
          ${this.errorMessage('new-step-error', this.errors.step)}
          <input id="new-step" name="text" maxlength="500" aria-describedby=${this.errors.step ? 'new-step-error' : nothing} />
        </div>
        <div class="row">
          <div class="field"><label for="new-step-due">${t.dueDate}</label><input id="new-step-due" name="due" type="date" /></div>
          <div class="field"><label for="new-step-goal">${t.linkedGoal}</label><select id="new-step-goal" name="goalId">${this.goalOptions(undefined)}</select></div>
          <div class="field"><label for="new-step-asset">${t.linkedAsset}</label><select id="new-step-asset" name="assetId">${this.assetOptions(undefined)}</select></div>
        </div>
        <button class="hub-button" type="submit">${t.addStep}</button>
      </form>
    </section>`;
  }

  private renderStep(step: Step): TemplateResult {
    const t = this.localize.t;
    const id = `step-${step.id}`;
    const set = (patch: Partial<Step>) => this.edit('steps', step.id, patch);
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<li class="item ${step.done ? 'item--done' : ''}">
      <div class="choice">
        <input type="checkbox" id="${id}-done" .checked=${step.done} @change=${(e: Event) => set({ done: (e.target as HTMLInputElement).checked })} />
        <label for="${id}-done">${t.markDone}<span class="visually-hidden">: ${step.text}</span></label>
      </div>
      <div class="field">
        <label for="${id}-text">${t.stepText}</label>
        <input id="${id}-text" maxlength="500" .value=${step.text} @change=${(e: Event) => set({ text: value(e) })} />
      </div>
      <div class="row">
        <div class="field">
          <label for="${id}-due">${t.dueDate}</label>
          <input id="${id}-due" type="date" .value=${step.due ?? ''} @change=${(e: Event) => set({ due: value(e) || undefined })} />
        </div>
        <div class="field">
          <label for="${id}-goal">${t.linkedGoal}</label>
          <select id="${id}-goal" @change=${(e: Event) => set({ goalId: value(e) || undefined })}>${this.goalOptions(step.goalId)}</select>
        </div>
        <div class="field">
          <label for="${id}-asset">${t.linkedAsset}</label>
          <select id="${id}-asset" @change=${(e: Event) => set({ assetId: value(e) || undefined })}>${this.assetOptions(step.assetId)}</select>
        </div>
      </div>
      <button type="button" class="hub-button hub-button--secondary" @click=${() => this.deleteItem('steps', step.id, t.stepNamed(step.text))}>
        ${t.delete}<span class="visually-hidden"> ${t.stepNamed(step.text)}</span>
      </button>
    </li>`;
  }

  private renderPeople(level: number): TemplateResult {
    const t = this.localize.t;
    return html`<section aria-labelledby="people-heading">
      ${this.heading(level, t.people, 'people-heading')}
      <p class="hint">${t.peopleHint}</p>
      ${this.plan.people.length ? html`<ul class="items">${this.plan.people.map((p) => this.renderPerson(p))}</ul>` : html`<p>${t.noPeople}</p>`}
      <form class="add" novalidate @submit=${(e: SubmitEvent) => this.submitNew(e, 'person')} aria-labelledby="new-person-title">
        <p class="form-title" id="new-person-title">${t.newPerson}</p>
        ${this.personFields('new-person', undefined)}
        <button class="hub-button" type="submit">${t.addPerson}</button>
      </form>
    </section>`;
  }

  /** The fields of a person, for the add form (named inputs) or an existing person (saved on change). */
  private personFields(id: string, person: Person | undefined): TemplateResult {
    const t = this.localize.t;
    const save = (field: keyof Person) => (e: Event) => {
      const input = e.target as HTMLInputElement;
      if (person) this.edit('people', person.id, { [field]: input.type === 'checkbox' ? input.checked : input.value });
    };
    const error = person ? undefined : this.errors.person;
    return html`<div class="row">
        <div class="field ${error ? 'field--error' : ''}">
          <label for="${id}-name">${t.name}</label>
          ${this.errorMessage(`${id}-name-error`, error)}
          <input id="${id}-name" name="name" maxlength="200" autocomplete="off" .value=${person?.name ?? ''} @change=${save('name')} aria-describedby=${error ? `${id}-name-error` : nothing} />
        </div>
        <div class="field">
          <label for="${id}-relationship">${t.relationship}</label>
          <input id="${id}-relationship" name="relationship" maxlength="200" .value=${person?.relationship ?? ''} @change=${save('relationship')} />
        </div>
      </div>
      <div class="field">
        <label for="${id}-contact">${t.contact}</label>
        <p class="hint" id="${id}-contact-hint">${t.contactHint}</p>
        <input id="${id}-contact" name="contact" maxlength="300" autocomplete="off" aria-describedby="${id}-contact-hint" .value=${person?.contact ?? ''} @change=${save('contact')} />
      </div>
      <div class="field">
        <label for="${id}-helps">${t.helpsWith}</label>
        <input id="${id}-helps" name="helpsWith" maxlength="500" .value=${person?.helpsWith ?? ''} @change=${save('helpsWith')} />
      </div>
      <div class="choice">
        <input type="checkbox" id="${id}-professional" name="professional" .checked=${person?.professional ?? false} @change=${save('professional')} />
        <label for="${id}-professional">${t.isProfessional}</label>
      </div>`;
  }

  private renderPerson(person: Person): TemplateResult {
    const t = this.localize.t;
    return html`<li class="item">
      ${this.personFields(`person-${person.id}`, person)}
      <button type="button" class="hub-button hub-button--secondary" @click=${() => this.deleteItem('people', person.id, t.personNamed(person.name))}>
        ${t.delete}<span class="visually-hidden"> ${t.personNamed(person.name)}</span>
      </button>
    </li>`;
  }

  private readonly onSearch = (query: string) => {
    this.query = query;
  };

  private readonly onAddFound = (asset: { id: string; name: string }) => this.addAsset(asset.id, asset.name);

  private renderAssets(level: number): TemplateResult {
    const t = this.localize.t;
    const feed = this.loadedFeed;
    return html`<section aria-labelledby="assets-heading">
      ${this.heading(level, t.assets, 'assets-heading')}
      <p class="hint">${feed ? t.assetsHint : t.assetsNoFeed}</p>
      ${
        this.plan.assets.length
          ? html`<ul class="items">
            ${this.plan.assets.map((a) => {
              const href = this.assetHref(a.id);
              return html`<li class="item item--row">
                <span><span class="asset-name">${href ? html`<a href=${href}>${a.name}</a>` : a.name}</span><br /><span class="meta">${t.added(a.added, this.localize.lang)}</span></span>
                <button type="button" class="hub-button hub-button--secondary" @click=${() => this.deleteItem('assets', a.id, t.assetNamed(a.name))}>
                  ${t.remove}<span class="visually-hidden"> ${a.name}</span>
                </button>
              </li>`;
            })}
          </ul>`
          : html`<p>${t.noAssets}</p>`
      }
      ${this.feedFailed ? html`<p class="warning">${t.feedError}</p>` : nothing}
      ${feed && this.searchWords ? this.hubFeed?.tools.renderSearch(this.hubFeed.feed, this.searchWords.t, this.query, this.plan, this.onSearch, this.onAddFound) : nothing}
    </section>`;
  }

  private renderReview(level: number): TemplateResult {
    const t = this.localize.t;
    return html`<section aria-labelledby="review-heading">
      ${this.heading(level, t.review, 'review-heading')}
      <div class="field">
        <label for="review-date">${t.review}</label>
        <p class="hint" id="review-hint">${t.reviewHint}</p>
        <input
          id="review-date"
          type="date"
          aria-describedby="review-hint"
          .value=${this.plan.reviewDate ?? ''}
          @change=${(e: Event) => {
            const value = (e.target as HTMLInputElement).value;
            this.change((p) => {
              p.reviewDate = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
            });
          }}
        />
      </div>
    </section>`;
  }

  private renderKeep(level: number): TemplateResult {
    const t = this.localize.t;
    return html`<section aria-labelledby="keep-heading" class="keep">
      ${this.heading(level, t.keep, 'keep-heading')}
      <p class="hint">${t.keepHint}</p>
      <div class="buttons">
        <button type="button" class="hub-button" @click=${this.download}>${t.export}</button>
        <button type="button" class="hub-button hub-button--secondary" @click=${this.print}>${t.print}</button>
        ${this.shareService ? nothing : html`<button type="button" class="hub-button hub-button--secondary" @click=${this.createShareLink}>${t.share}</button>`}
      </div>
      <div class="field ${this.errors.import ? 'field--error' : ''}">
        <label for="import">${t.import}</label>
        <p class="hint" id="import-hint">${t.importHint}</p>
        ${this.errors.import ? html`<p class="error-message" id="import-error" role="alert"><span class="visually-hidden">${this.localize.t.error}</span> ${this.errors.import}</p>` : nothing}
        <input id="import" type="file" accept=".json,application/json" aria-describedby="import-hint${this.errors.import ? ' import-error' : ''}" @change=${this.onImport} />
      </div>
      ${this.shareError ? html`<p class="error-message" role="alert">${this.shareError}</p>` : nothing} ${this.readOnlyLink?.render() ?? nothing}
    </section>
    ${this.shareService ? this.liveSection?.render(level) : nothing}`;
  }
}
