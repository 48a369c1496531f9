/** PrinterError is a printing failure; message is exactly what kubectl prints after "error: ". */
export class PrinterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrinterError';
  }
}
