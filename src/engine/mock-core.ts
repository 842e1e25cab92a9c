import { packageVersion } from '../platform/package-version';
import type { Spec } from '../spec/spec';
import { toHar } from './control/har';
import { stageChecked } from './control/stage';
import { createControl, type Control } from './control/state';
import type { ControlHandle } from './control-handle';
import type { MockBehaviour } from './mock-behaviour';
import { MOCK_DEFAULTS } from './mock-defaults';
import { createPipeline, type Pipeline, type PipelineSettings } from './pipeline';

/** What the core takes from a face's options; the same names as `startMock`'s and `createHandlers`'. */
export interface MockCoreOptions extends Pick<
  MockBehaviour,
  'tokens' | 'forbiddenTokens' | 'seed' | 'journalSize' | 'answers'
> {
  /** Hold staged answers and a journal. Default true. */
  control?: boolean;
}

/** What every face of the mock builds on: the pipeline on the current spec and the control state beside it. */
export interface MockCore {
  /** Staged answers and the journal; absent with `control: false`. They outlive a reload. */
  control: Control | undefined;
  /** The pipeline on the spec served now. */
  pipeline: () => Pipeline;
  /** The spec served now. */
  spec: () => Spec;
  /** Serves another spec from now on: a new pipeline, the same settings and control state. */
  reload: (spec: Spec) => void;
  /** The handle on the control state, its HAR's URLs under `harBase` (an origin and a path prefix). */
  handleAt: (harBase: string) => ControlHandle;
}

/**
 * Builds what the HTTP mock, the MSW handlers and the proxy's `--mock-unimplemented` share: the
 * pipeline's settings (tokens, seed), the control state, the pipeline, and the start-up answers
 * staged on it (throws, saying why, on one the spec does not document).
 * @example
 * const core = createMockCore(spec, { seed: 1, answers: [{ code: 500, times: 1 }] });
 * const handled = core.pipeline()(request); // the documented 500
 */
export function createMockCore(spec: Spec, options: MockCoreOptions = {}): MockCore {
  const settings: PipelineSettings = {
    auth: { tokens: new Set(options.tokens ?? []), forbiddenTokens: new Set(options.forbiddenTokens ?? []) },
    ...(options.seed === undefined ? {} : { seed: String(options.seed) }),
  };
  const control =
    options.control === false
      ? undefined
      : createControl(options.journalSize ?? MOCK_DEFAULTS.journalSize, settings.seed);
  if (control !== undefined) settings.control = control;
  let served = spec;
  let pipeline = createPipeline(served, settings);
  for (const answer of options.answers ?? []) stageChecked(control, answer, served.operations);

  const handleAt = (harBase: string): ControlHandle => ({
    requests: (filter) => control?.journal.list(filter) ?? [],
    har: (filter) => toHar(control?.journal.list(filter) ?? [], harBase, packageVersion()),
    answerNext: (answer) => stageChecked(control, answer, served.operations),
    clearAnswers: () => control?.answers.clear(),
    reset: () => {
      control?.answers.clear();
      control?.journal.clear();
    },
  });
  return {
    control,
    pipeline: () => pipeline,
    spec: () => served,
    reload: (next) => {
      pipeline = createPipeline(next, settings);
      served = next;
    },
    handleAt,
  };
}
