import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { StatisticsGroup } from '@zhifa/persistence';
import { statisticsTable } from './statistics.csv';

/**
 * The same table as the CSV, as one XLSX sheet: numbers stay numbers (a
 * spreadsheet sums them), the header row is bold and stays in view, an
 * empty figure (no stage time) is an empty cell.
 */
export async function statisticsXlsx(groups: StatisticsGroup[], sheet: string): Promise<Buffer> {
  const { header, rows } = statisticsTable(groups);
  const data: SheetData = [
    header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...rows.map((r) => r.map((v) => (v === null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String }))),
  ];
  return writeXlsxFile(data, { sheet, stickyRowsCount: 1, columns: header.map((h, i) => ({ width: i < 2 ? 24 : Math.max(10, h.length + 2) })) }).toBuffer();
}
