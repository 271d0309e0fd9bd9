export const devExportFileWorker: URL;
export function buildExportFileWorker(
  outfile: string,
  options?: { shared?: boolean },
): Promise<void>;
