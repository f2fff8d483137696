/** The report's eight section titles, in order (zod-free: the renderers and LLM mode import it at run time). */
export const REPORT_SECTION_TITLES = ['业务需求分析', '推荐系统方案', '适用性分析', '关键特性', '实施建议', '成本效益分析', '风险提示', '下一步建议'] as const;

/** The heading of the appendix for the engineer (scored candidates, exclusions), after the eight sections. */
export const APPENDIX_TITLE = '附录';
