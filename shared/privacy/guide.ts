/**
 * 隐私保护指引: the text the user agrees to. Its version, and what the server stores of a user's consent, are in
 * consent.ts (re-exported here): the functions import that small module, not this text. Change the version
 * whenever the text changes what is collected or how it is used.
 */
export { ConsentBody, ConsentState, PRIVACY_GUIDE_VERSION, consentState } from './consent';

/** Every category of personal data the system actually collects, as the guide lists it. */
export const PERSONAL_DATA_CATEGORIES: { id: string; name: string; detail: string }[] = [
  { id: 'account', name: '账号信息', detail: '微信登录标识（openid）、您的称呼、登录设备与登录时间' },
  { id: 'enterprise', name: '企业信息', detail: '企业名称、统一社会信用代码、地址、所属行业、员工人数、联系人姓名和手机号' },
  { id: 'appeals', name: '诉求与留言', detail: '您提交的咨询、纠纷、建议、求助内容，办理过程中的留言和附言' },
  { id: 'evidence', name: '证据材料', detail: '您在诉求和留言中拍摄或选择上传的现场照片、视频和语音说明' },
  { id: 'ratings', name: '评价', detail: '您对办理结果的好差评和评价内容' },
  { id: 'bookings', name: '预约办证', detail: '预约的业务与时段、办事人姓名和手机号、办理人数' },
  { id: 'on-site', name: '上门服务地址', detail: '选择上门办理或走访时填写的地址' },
  { id: 'visits', name: '走访记录', detail: '联络官走访企业的时间、接待人、发现的问题与整改情况' },
  { id: 'messages', name: '消息', detail: '站内消息及微信订阅消息的发送记录' },
  { id: 'access-log', name: '查看记录', detail: '民警查看您企业档案、联系人信息的时间、人员和事由（保存3年）' },
];

export const PRIVACY_SECTIONS: { title: string; body: string }[] = [
  { title: '我们收集哪些信息', body: `${PERSONAL_DATA_CATEGORIES.map((c) => `${c.name}：${c.detail}`).join('；')}。` },
  {
    // Declared the same way in 微信公众平台 → 用户隐私保护指引: 摄像头、选中的照片或视频信息、麦克风。
    title: '相机、相册和麦克风',
    body: '仅在您点击“拍摄”“相册”或“语音”时使用：拍摄或选择现场照片、视频（选中的照片或视频信息），录制语音说明（麦克风），作为诉求或留言的证据材料上传。图片和语音会经微信内容安全审核。',
  },
  {
    title: '我们如何使用这些信息',
    body: '仅用于为企业提供助企警务服务：分配辖区联络官、办理您提交的事项、预约办证、走访服务、联系您反馈进展。不用于任何商业用途。',
  },
  {
    title: '谁能看到这些信息',
    body: '您所在辖区的联络官、派出所所长和助企警务中心工作人员，按职责查看，每次查看都有记录，企业可在“谁查看了我的档案”中查看。我们不会向无关第三方提供您的信息，法律法规另有规定的除外。',
  },
  {
    title: '您的权利',
    body: '您可以在“我的 → 隐私与数据”中更正企业信息、导出我们保存的全部信息、注销账号。注销后您的个人信息将被删除或匿名化；企业的诉求、走访和台账按规定保留，其中的个人信息同样匿名化。',
  },
];
