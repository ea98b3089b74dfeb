/**
 * Azure OpenAI: Bing Chat's GPT-4-class models and Bing Image Creator's
 * DALL·E as Microsoft serves them to developers. Model ids are deployment names.
 * @module
 */
export { createAzure, azure, type AzureProvider, type AzureProviderSettings } from './azure-provider.js';
export type { AzureChatMetadata, AzurePromptFilterResult } from './azure-content-filter.js';
