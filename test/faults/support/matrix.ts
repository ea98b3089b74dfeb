/** A pass/fail/not-applicable grid: rows are faults, columns providers (and paths). */
export class FaultMatrix {
  private readonly rows: string[] = [];
  private readonly columns: string[] = [];
  private readonly cells = new Map<string, 'pass' | 'fail'>();

  constructor(private readonly title: string) {}

  /** Declares a row and a column so not-applicable cells show as `–`. */
  declare(row: string, column: string): void {
    if (!this.rows.includes(row)) this.rows.push(row);
    if (!this.columns.includes(column)) this.columns.push(column);
  }

  /** Records a cell. */
  record(row: string, column: string, result: 'pass' | 'fail'): void {
    this.declare(row, column);
    this.cells.set(`${row}\u0000${column}`, result);
  }

  /** Markdown table: ✓ pass, ✗ fail, – not applicable or not run. */
  render(): string {
    const header = `| fault | ${this.columns.join(' | ')} |`;
    const rule = `|---|${this.columns.map(() => ':-:').join('|')}|`;
    const lines = this.rows.map((row) => {
      const cells = this.columns.map((column) => {
        const cell = this.cells.get(`${row}\u0000${column}`);
        return cell === 'pass' ? '✓' : cell === 'fail' ? '✗' : '–';
      });
      return `| ${row} | ${cells.join(' | ')} |`;
    });
    const results = [...this.cells.values()];
    const passed = results.filter((result) => result === 'pass').length;
    return [`${this.title}: ${passed}/${results.length} cells pass`, '', header, rule, ...lines].join('\n');
  }
}
