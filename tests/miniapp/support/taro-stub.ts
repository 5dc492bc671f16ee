/**
 * Stand-in for @tarojs/taro in jsdom: APIs are jest mocks with sensible defaults, storage is an in-memory
 * map, and page lifecycle hooks run like effects. `taroStub.reset()` restores everything between tests.
 */
import { useEffect, useRef } from 'react';

type Handler = () => void;

const storage = new Map<string, unknown>();
const pageHandlers = { pullDownRefresh: new Set<Handler>(), reachBottom: new Set<Handler>() };
const router = { params: {} as Record<string, string | undefined> };

const resolved = (value: unknown = { errMsg: 'ok' }) => jest.fn(() => Promise.resolve(value));

function createApi() {
  return {
    request: jest.fn(() => Promise.reject(new Error('Taro.request was not mocked in this test'))),
    showToast: resolved(),
    hideToast: jest.fn(),
    showLoading: resolved(),
    hideLoading: jest.fn(),
    showModal: resolved({ confirm: true, cancel: false }),
    navigateTo: resolved(),
    redirectTo: resolved(),
    reLaunch: resolved(),
    switchTab: resolved(),
    navigateBack: resolved(),
    makePhoneCall: resolved(),
    openLocation: resolved(),
    login: resolved({ code: 'wx-code-123', errMsg: 'login:ok' }),
    stopPullDownRefresh: jest.fn(),
    setNavigationBarTitle: resolved(),
    exitMiniProgram: resolved(),
    openPrivacyContract: jest.fn(),
    // 证据材料: pickers, upload and viewers (tests set what they pick and how uploads answer).
    chooseMedia: jest.fn(() => Promise.reject(new Error('chooseMedia:fail cancel'))),
    chooseImage: jest.fn(() => Promise.reject(new Error('chooseImage:fail cancel'))),
    chooseMessageFile: jest.fn(() => Promise.reject(new Error('chooseMessageFile:fail cancel'))),
    compressImage: jest.fn((o: { src: string }) => Promise.resolve({ tempFilePath: `${o.src}.min.jpg` })),
    getFileInfo: jest.fn(() => Promise.resolve({ size: 2048 })),
    uploadFile: jest.fn((o: { success?: (r: unknown) => void }) => {
      o.success?.({ statusCode: 204, data: '' });
      return { onProgressUpdate: jest.fn(), abort: jest.fn() };
    }),
    previewImage: resolved(),
    previewMedia: resolved(),
    downloadFile: resolved({ tempFilePath: 'wxfile://tmp/doc.pdf', statusCode: 200 }),
    openDocument: resolved(),
    getRecorderManager: jest.fn(() => ({ onStop: jest.fn(), onError: jest.fn(), start: jest.fn(), stop: jest.fn() })),
    createInnerAudioContext: jest.fn(() => ({ src: '', play: jest.fn() })),
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => {
      storage.set(key, value);
    }),
    removeStorageSync: jest.fn((key: string) => {
      storage.delete(key);
    }),
  };
}

const Taro = createApi();

function usePageEvent(set: Set<Handler>, fn: Handler) {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const handler = () => ref.current();
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }, [set]);
}

/** Once, after the first render (as on a page's onLoad / first onShow), with the latest `fn`. */
function useOnMount(fn: Handler) {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    latest.current();
  }, []);
}

export const useDidShow = useOnMount;
export const useLoad = useOnMount;
export const useReady = useLoad;
export const useDidHide = (_fn: Handler) => undefined;
export const usePullDownRefresh = (fn: Handler) => usePageEvent(pageHandlers.pullDownRefresh, fn);
export const useReachBottom = (fn: Handler) => usePageEvent(pageHandlers.reachBottom, fn);
export const useRouter = () => router;

/** Test controls. */
export const taroStub = {
  storage,
  router,
  pullDownRefresh: () => {
    for (const h of pageHandlers.pullDownRefresh) h();
  },
  reachBottom: () => {
    for (const h of pageHandlers.reachBottom) h();
  },
  reset() {
    storage.clear();
    router.params = {};
    Object.assign(Taro, createApi());
  },
};

export default Taro;
