/** LLM mode's command ids, apart from their implementations, which load on first use (index.ts). */
export const COMMAND_GENERATE_LLM = 'intake.generateRecommendationLlm';
export const COMMAND_SET_API_KEY = 'intake.setApiKey';
export const COMMAND_CLEAR_API_KEY = 'intake.clearApiKey';
