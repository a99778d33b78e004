export function tables(actionYml: string): { inputs: string; outputs: string }
export function render(readme: string, actionYml: string): string
