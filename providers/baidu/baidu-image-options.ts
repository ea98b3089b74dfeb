import { parseBaiduOptions } from './parse-baidu-options.js';

/** `providerOptions.baidu` for `baidu.image('ernie-vilg-v2')`. */
export interface BaiduVilgOptions {
  /** `v2` (default) or `v1` of the ERNIE-ViLG model. */
  version?: 'v1' | 'v2';
  /** How far the output may move from the reference image, 1–10 (`change_degree`). */
  changeDegree?: number;
  /** Text to render into the image (`text_content`). */
  textContent?: string;
  /** Server-side task timeout in seconds (`task_time_out`). */
  taskTimeOut?: number;
  /** 1 (default) checks the prompt for sensitive words, 0 does not (`text_check`). */
  textCheck?: 0 | 1;
}

/** `providerOptions.baidu` for Qianfan image models (`irag-1.0`, `flux.1-schnell`). */
export interface BaiduQianfanImageOptions {
  /** flux only: sampling steps, 1–50. */
  steps?: number;
  /** flux only: guidance scale, 0–30. */
  guidance?: number;
  /** Your end user's id (`user`). */
  user?: string;
}

const VILG_CHECKS: Record<keyof BaiduVilgOptions, (value: unknown) => boolean> = {
  version: (value) => value === 'v1' || value === 'v2',
  changeDegree: (value) => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10,
  textContent: (value) => typeof value === 'string',
  taskTimeOut: (value) => typeof value === 'number' && value > 0,
  textCheck: (value) => value === 0 || value === 1,
};

const QIANFAN_CHECKS: Record<keyof BaiduQianfanImageOptions, (value: unknown) => boolean> = {
  steps: (value) => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 50,
  guidance: (value) => typeof value === 'number' && value >= 0 && value <= 30,
  user: (value) => typeof value === 'string',
};

/** Validates `providerOptions.baidu` for ERNIE-ViLG. */
export function parseBaiduVilgOptions(value: unknown): BaiduVilgOptions {
  return parseBaiduOptions(value, VILG_CHECKS, 'ERNIE-ViLG');
}

/** Validates `providerOptions.baidu` for Qianfan image models. */
export function parseBaiduQianfanImageOptions(value: unknown): BaiduQianfanImageOptions {
  return parseBaiduOptions(value, QIANFAN_CHECKS, 'Qianfan image');
}
