import Taro from '@tarojs/taro';
import type { ExportFile } from '../../../../shared/stats/schemas';

/** Human size: 38.2 KB. */
export const fileSize = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);

/**
 * Save an exported file. H5: a Blob behind an <a download>. WeChat: write the bytes to the user data path
 * and open them with the system viewer (Taro.openDocument handles xlsx and docx).
 */
export async function saveExport(file: ExportFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5' || typeof wx === 'undefined') {
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`;
  await new Promise<void>((resolve, reject) => Taro.getFileSystemManager().writeFile({ filePath, data: file.base64, encoding: 'base64', success: () => resolve(), fail: (e) => reject(new Error(e.errMsg)) }));
  await Taro.openDocument({ filePath, showMenu: true, fileType: file.filename.endsWith('.docx') ? 'docx' : 'xlsx' });
}

declare const wx: unknown;
