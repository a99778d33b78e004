export interface InputDoc {
  name: string
  group: string
  description: string
  default: string
  required: boolean
}
export const MODULE_PATH: string
export function inputGroups(actionYml: string): Record<string, string>
export function inputDocs(actionYml: string): InputDoc[]
export function tables(actionYml: string): { inputs: string; outputs: string }
export function render(readme: string, actionYml: string): string
export function inputDocsModule(actionYml: string): Promise<string>
