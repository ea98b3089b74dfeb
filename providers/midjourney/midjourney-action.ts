import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import type { ImageJobAction, Warning } from '../../src/provider/index.js';
import type { MidjourneyApi, MidjourneyConfig } from './midjourney-config.js';
import { fetchMidjourneyTask, type MidjourneyButton } from './midjourney-task.js';

/** The submit request for an action: endpoint and body. */
export interface MidjourneyActionRequest {
  /** `/submit/change` or `/submit/action`. */
  path: '/submit/change' | '/submit/action';
  /** The JSON body, without `notifyHook`/`state`. */
  body: Record<string, unknown>;
  /** E.g. an `index` that reroll ignores. */
  warnings: Warning[];
}

const COMMON = { upscale: 'UPSCALE', variation: 'VARIATION', reroll: 'REROLL' } as const;
// customId segment per common action: MJ::JOB::<kind>::<index>::<job uuid>
const BUTTON_KIND = { upscale: 'upsample', variation: 'variation', reroll: 'reroll' } as const;

/**
 * Validates an action and picks its endpoint. Upscale, variation and reroll go
 * to the open-source `/submit/change` unless `api` is `plus`; on `plus` (and
 * for any other action type, such as `Zoom Out 2x` or a raw `MJ::…` custom id)
 * the parent task's buttons supply the `customId` for `/submit/action`.
 */
export async function prepareMidjourneyAction(
  config: MidjourneyConfig,
  action: ImageJobAction,
  options: { api: MidjourneyApi; abortSignal?: AbortSignal; headers?: Record<string, string | undefined> },
): Promise<MidjourneyActionRequest> {
  const warnings: Warning[] = [];
  if (typeof action.jobId !== 'string' || action.jobId.trim() === '') {
    throw new InvalidArgumentError({ argument: 'action.jobId', message: 'must be the id of a finished job', value: action.jobId });
  }
  if (typeof action.type !== 'string' || action.type.trim() === '') {
    throw new InvalidArgumentError({ argument: 'action.type', message: "must be 'upscale', 'variation', 'reroll' or a button label / custom id", value: action.type });
  }
  const type = action.type.trim();
  const common = type.toLowerCase() in COMMON ? (type.toLowerCase() as keyof typeof COMMON) : undefined;
  let index = action.index;
  if (common === 'upscale' || common === 'variation') {
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 1 || index > 4) {
      throw new InvalidArgumentError({ argument: 'action.index', message: `${common} needs the grid image, 1 to 4`, value: index });
    }
  } else if (common === 'reroll' && index !== undefined) {
    warnings.push({ type: 'unsupported-setting', setting: 'action.index', details: 'reroll redoes the whole grid; index was not sent' });
    index = undefined;
  } else if (index !== undefined && (typeof index !== 'number' || !Number.isInteger(index) || index < 1)) {
    throw new InvalidArgumentError({ argument: 'action.index', message: 'must be a positive integer', value: index });
  }

  if (common && options.api !== 'plus') {
    return { path: '/submit/change', body: { taskId: action.jobId, action: COMMON[common], index }, warnings };
  }
  if (options.api === 'open-source') {
    throw new InvalidArgumentError({
      argument: 'action.type',
      message: `the open-source proxy runs only upscale, variation and reroll; set api: 'plus' for '${type}' on a Plus-compatible proxy`,
      value: type,
    });
  }
  if (type.startsWith('MJ::')) return { path: '/submit/action', body: { taskId: action.jobId, customId: type }, warnings };

  const { task: parent } = await fetchMidjourneyTask(config, action.jobId, options);
  const button = findButton(parent.buttons, common ? BUTTON_KIND[common] : type, index);
  if (!button) {
    const available = parent.buttons.map((item) => item.label || item.emoji || item.customId).join(', ') ||
      "none (only Plus-compatible proxies report buttons; the open-source proxy runs just upscale, variation and reroll)";
    throw new InvalidArgumentError({
      argument: 'action',
      message: `job ${action.jobId} has no '${type}${index === undefined ? '' : ` ${index}`}' button (status ${parent.status}); its buttons: ${available}`,
      value: action,
    });
  }
  return { path: '/submit/action', body: { taskId: action.jobId, customId: button.customId }, warnings };
}

/** Finds a button by customId kind (`upsample`, `variation`, `reroll`, `high_variation`, …) and index, else by label. */
function findButton(buttons: MidjourneyButton[], kind: string, index: number | undefined): MidjourneyButton | undefined {
  const wanted = kind.toLowerCase();
  const byId = buttons.find((button) => {
    const segments = button.customId.split('::');
    if (segments[2]?.toLowerCase() !== wanted) return false;
    return wanted === 'reroll' || index === undefined || segments[3] === String(index);
  });
  if (byId) return byId;
  const label = index === undefined ? wanted : `${wanted} ${index}`;
  return buttons.find((button) => button.label.toLowerCase() === label || button.label.toLowerCase() === wanted);
}
