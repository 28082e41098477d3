// The title of every problem code in Chinese (zh-CN) and English: what a
// person reads beside the field or action it concerns. One entry per code the
// domain (REJECTION_CODES) or the HTTP edge (API_PROBLEMS) raises; a test
// checks none is missing. The code stays the stable key; the `detail` and the
// field messages of each problem are written in both languages where they are
// raised (see ProblemException and the domain's fail()).

export interface ProblemTitle {
  'zh-CN': string;
  en: string;
}

export const PROBLEM_TITLES: Readonly<Record<string, ProblemTitle>> = {
  // Who may act
  'AUTH.TOKEN_MISSING': { 'zh-CN': '未登录：请求缺少访问令牌', en: 'Not signed in: no bearer token' },
  'AUTH.TOKEN_INVALID': { 'zh-CN': '访问令牌无效或已过期', en: 'The token is invalid or expired' },
  'AUTH.UNKNOWN_USER': { 'zh-CN': '令牌所指用户不存在或已停用', en: 'The token names no active user' },
  'AUTH.ROLE_NOT_ALLOWED': { 'zh-CN': '当前角色无权办理此事项', en: 'Your role may not do this' },
  'AUTH.AGENCY_MISMATCH': { 'zh-CN': '案件不属于本机关', en: 'The case belongs to another agency' },
  'AUTH.BODY_MISMATCH': { 'zh-CN': '案件未移送本机关', en: 'The transfer was not sent to your body' },
  'SUPERVISION.SUPERVISOR_ONLY': { 'zh-CN': '仅执法监督人员可查看监督信息', en: 'Only supervisors see supervision views' },
  'SUPERVISION.ALERT_NOT_FOUND': { 'zh-CN': '没有该监督预警', en: 'No such alert' },
  'JOBS.NOT_FOUND': { 'zh-CN': '没有该失败任务', en: 'No such failed job' },
  'JOBS.NOT_FAILED': { 'zh-CN': '该任务不处于失败状态', en: 'The job is not failed' },
  'JOBS.BOARD_ROLE_REQUIRED': { 'zh-CN': '任务队列看板仅供执法监督人员和管理员查看', en: 'The job board is for supervisors and administrators' },
  'JOBS.BOARD_READ_ONLY': { 'zh-CN': '任务队列看板只读', en: 'The job board is read-only' },
  'TEMPORAL.UNAVAILABLE': { 'zh-CN': '工作流服务暂时无法连接', en: 'The workflow service is unreachable' },
  'DATABASE.UNAVAILABLE': { 'zh-CN': '数据库暂时无法连接', en: 'The database is unreachable' },
  'JOBS.QUEUES_UNAVAILABLE': { 'zh-CN': '任务队列暂时无法连接', en: 'The job queues are unreachable' },
  'AUTH.CERTIFICATE_INVALID': { 'zh-CN': '执法证件无效（过期、暂扣或吊销）', en: 'Your certificate is not valid today' },
  'CASE.AUXILIARY_CANNOT_DECIDE': { 'zh-CN': '辅助人员不得作出决定或审批', en: 'Auxiliary staff never decide or approve' },
  'CASE.NOT_ASSIGNED': { 'zh-CN': '您不是本案承办人员', en: 'You are not assigned to this case' },
  'REVIEW.REVIEWER_CONFLICT': { 'zh-CN': '查审分离：调查人员不得审核本案', en: 'An investigator may not review the case' },
  'RECUSAL.NOT_ON_CASE': { 'zh-CN': '被申请回避的人员不在本案中', en: 'The person to recuse is not on the case' },
  'RECUSAL.REPLACEMENT_CONFLICT': { 'zh-CN': '替换人员曾审核、法制审核或主持听证本案', en: 'The replacement judged the case' },

  // Where the case is
  'CASE.NOT_FOUND': { 'zh-CN': '案件不存在', en: 'No such case' },
  'CASE.NOT_REGISTERED': { 'zh-CN': '案件尚未登记', en: 'The case is not registered yet' },
  'CASE.ARCHIVED': { 'zh-CN': '案件已归档，不得变更', en: 'The case is archived and sealed' },
  'CASE.CLOSED_FOR_COMMANDS': { 'zh-CN': '案件流程已结束，不再受理操作', en: 'The case accepts no more commands' },
  'CASE.TRANSITION_NOT_ALLOWED': { 'zh-CN': '案件当前状态不允许此操作', en: 'Not allowed in the case’s current state' },
  'CASE.PRE_DECISION_STEP_MISSING': { 'zh-CN': '尚缺决定前的法定步骤', en: 'A step the law puts first is missing' },
  'CASE.HEARING_PENDING': { 'zh-CN': '听证尚未结束', en: 'A requested hearing is pending' },
  'CASE.LEGAL_REVIEW_PENDING': { 'zh-CN': '法制审核尚未完成', en: 'The legal review is pending' },
  'CASE.DEFENCE_PERIOD_RUNNING': { 'zh-CN': '当事人陈述申辩期限未届满', en: 'The party’s defence period is running' },
  'CASE.HEARING_WINDOW_RUNNING': { 'zh-CN': '当事人要求听证的期限未届满', en: 'The party may still request a hearing' },
  'CASE.TRANSFER_PENDING': { 'zh-CN': '案件正在移送司法机关，不得以罚代刑', en: 'A criminal transfer is pending' },
  'CASE.SUSPECTED_CRIME_UNRESOLVED': { 'zh-CN': '涉嫌犯罪尚未移送或作出不移送决定', en: 'A suspected crime is unresolved' },
  'CASE.PAYMENT_OUTSTANDING': { 'zh-CN': '罚没款尚未缴清，不得结案', en: 'Money is still outstanding' },
  'CASE.SIMPLE_NOT_REPORTED': { 'zh-CN': '当场处罚决定尚未报所属机关备案', en: 'The on-the-spot decision is not reported' },
  'CASE.CHALLENGE_PENDING': { 'zh-CN': '复议或诉讼尚未审结，不能归档', en: 'A challenge is pending: archive after its outcome' },
  'ARCHIVE.NOT_BUILT': { 'zh-CN': '案件没有可核验的归档包', en: 'The case has no signed archive package' },
  'ARCHIVE.PACKAGE_STALE': { 'zh-CN': '归档包未包含案件的全部事件，须重新生成', en: 'The archive package misses later events: it is built again' },
  'CASE.ALREADY_REPORTED': { 'zh-CN': '当场处罚决定已备案', en: 'Already reported' },
  'CASE.COMMAND_FAILED': { 'zh-CN': '操作未能完成，已记录', en: 'The command failed; it has been logged' },

  // People on the case
  'CASE.TWO_OFFICERS_REQUIRED': { 'zh-CN': '须有两名以上持证执法人员', en: 'Two certified officers are required' },
  'CASE.OFFICER_REQUIRED': { 'zh-CN': '须有持证执法人员', en: 'A certified officer is required' },
  'CASE.OFFICER_CERTIFICATE_INVALID': { 'zh-CN': '执法人员的执法证件无效', en: 'An officer’s certificate is not valid' },
  'CASE.NOT_AN_OFFICER': { 'zh-CN': '所列人员不是本机关执法人员', en: 'The person named is not an officer of the agency' },
  'CASE.COLLECTOR_NOT_ASSIGNED': { 'zh-CN': '取证人员须为本案承办人员', en: 'Collectors must be assigned to the case' },

  // Registration and filing
  'CASE.UNKNOWN_VIOLATION': { 'zh-CN': '违法行为代码不在本机关职权目录中', en: 'Unknown violation code' },
  'DECISION.SAME_ACT_FINED': { 'zh-CN': '同一违法行为已被处以罚款', en: 'The same act was already fined' },
  'CASE.LIMITATION_NOT_EXPIRED': { 'zh-CN': '未超过行政处罚追责时效', en: 'The limitation period has not expired' },
  'CASE.LIMITATION_EXPIRED': { 'zh-CN': '已超过行政处罚追责时效', en: 'The limitation period has expired' },
  'CASE.SIMPLE_FINE_EXCEEDS_LIMIT': { 'zh-CN': '罚款超过简易程序限额', en: 'The fine exceeds the simple-procedure limit' },
  'CASE.SIMPLE_PENALTY_NOT_ALLOWED': { 'zh-CN': '简易程序只能给予警告或罚款', en: 'The simple procedure allows only a warning or a fine' },
  'AGENCY.SYSTEM_ADMIN_ONLY': { 'zh-CN': '只有平台管理员可以管理执法机关及其权责清单', en: 'Only a system administrator manages agencies' },
  'AGENCY.OWN_ONLY': { 'zh-CN': '只能管理本机关', en: 'Your own agency only' },
  'ADMIN_LOG.NOT_ALLOWED': { 'zh-CN': '当前角色无权查看或核验管理日志', en: 'Your role may not read or verify the administration log' },
  'CASE.OUTSIDE_AGENCY_POWERS': { 'zh-CN': '违法行为不在本机关权责清单内', en: "The violation is outside the agency's powers" },
  'BODY.ADMIN_ONLY': { 'zh-CN': '只有系统管理员可以维护外部机关名录', en: 'Only an administrator keeps the register of bodies' },
  'BODY.NOT_FOUND': { 'zh-CN': '外部机关名录中没有该机关', en: 'No such registered body' },
  'BODY.NOT_REGISTERED': { 'zh-CN': '所填机关未在外部机关名录中登记', en: 'The body named is not registered' },
  'BODY.SAME_UNIT': { 'zh-CN': '不得转送本案现由其办理的公安机关', en: 'The transfer is already with that unit' },
  'USER.ADMIN_ONLY': { 'zh-CN': '只有系统管理员可以管理本机关用户', en: 'Only an administrator manages users' },
  'USER.SYSTEM_ADMIN_ONLY': { 'zh-CN': '只有平台管理员可以授予或修改平台管理员角色', en: 'Only a system administrator grants that role' },
  'USER.NOT_FOUND': { 'zh-CN': '本机关没有该用户', en: 'No such user in your agency' },
  'CERTIFICATE.TRANSITION_NOT_ALLOWED': { 'zh-CN': '执法证件当前状态不允许该操作', en: 'The certificate’s status does not allow this' },
  'NOTIFICATION.NOT_FOUND': { 'zh-CN': '没有该通知', en: 'No such notification' },
  'WEBHOOK.ADMIN_ONLY': { 'zh-CN': '只有系统管理员可以管理事件推送地址', en: 'Only an administrator manages the webhook' },
  'CALENDAR.ADMIN_ONLY': { 'zh-CN': '只有系统管理员可以发布节假日安排', en: 'Only an administrator publishes calendars' },
  'POLICY.ADMIN_ONLY': { 'zh-CN': '只有系统管理员可以发布执法政策', en: 'Only an administrator publishes policies' },
  'POLICY.VERSION_EXISTS': { 'zh-CN': '该政策版本已经发布', en: 'The policy version exists' },
  'POLICY.NOT_FOUND': { 'zh-CN': '没有该版本的执法政策', en: 'No such policy version' },
  'POLICY.NONE_PUBLISHED': { 'zh-CN': '尚未发布执法政策，不能登记案件', en: 'No policy is published yet' },
  'AGENCY.NOT_FOUND': { 'zh-CN': '机关不存在', en: 'No such agency' },

  // Evidence
  'CASE.EVIDENCE_REQUIRED': { 'zh-CN': '处罚须有已记录的证据', en: 'A penalty needs recorded evidence' },
  'CASE.BUSY': { 'zh-CN': '案件正在处理其他操作，请稍后重试', en: 'The case is busy' },
  'EVIDENCE.DUPLICATE_ID': { 'zh-CN': '证据编号重复，证据不得覆盖', en: 'Evidence id already used' },
  'EVIDENCE.NOT_FOUND': { 'zh-CN': '本案没有该证据', en: 'No such evidence in the case' },
  'EVIDENCE.ITEM_NOT_FOUND': { 'zh-CN': '证据不存在', en: 'No such evidence item' },
  'EVIDENCE.CUSTODY_MISMATCH': { 'zh-CN': '证据保管人不符', en: 'The evidence is in someone else’s custody' },
  'EVIDENCE.HASH_MISMATCH': { 'zh-CN': '证据文件校验值不符，可能被篡改', en: 'The evidence file no longer matches its hash' },
  'EVIDENCE.FILE_MISSING': { 'zh-CN': '证据文件缺失', en: 'The evidence file is missing' },
  'DOCUMENT.NOT_FOUND': { 'zh-CN': '本案没有该文书', en: 'No such document in the case' },
  'DOCUMENT.HASH_MISMATCH': { 'zh-CN': '文书文件校验值不符，可能被篡改', en: 'The document file no longer matches its hash' },
  'DOCUMENT.FILE_MISSING': { 'zh-CN': '文书文件缺失', en: 'The document file is missing' },
  'EVIDENCE.TOO_LARGE': { 'zh-CN': '上传文件超过大小限制', en: 'The file is too large' },
  'EVIDENCE.RIGHTS_NOTICE_MISSING': { 'zh-CN': '首次取证须记录出示执法证件并告知权利', en: 'The first collection records credentials shown and rights told' },
  'EVIDENCE.ORIGIN_MISMATCH': { 'zh-CN': '证据来源与案件所处阶段不符', en: 'The evidence origin does not fit the stage of the case' },
  'EVIDENCE.NOT_A_DRAFT': { 'zh-CN': '没有待确认的辅助人员证据草稿', en: 'No unconfirmed draft to confirm' },
  'AUXILIARY.NOT_AUXILIARY': { 'zh-CN': '该人员不是本机关辅助执法人员', en: 'Not auxiliary staff of this agency' },
  'AUXILIARY.ALREADY_ATTACHED': { 'zh-CN': '该辅助人员已编入本案', en: 'Already attached to the case' },
  'AUXILIARY.SUPERVISOR_NOT_ASSIGNED': { 'zh-CN': '指挥的执法人员须为本案承办人员', en: 'The supervising officer is not assigned to the case' },
  'PENALTY.KIND_NOT_EMPOWERED': { 'zh-CN': '本机关无权给予该种类的行政处罚', en: 'The agency has no power to impose that penalty kind' },

  // Report, discretion and notice
  'REPORT.EXEMPT_WITH_PENALTY': { 'zh-CN': '认定不予处罚的，不得拟处罚', en: 'An exempt finding proposes no penalty' },
  'REPORT.DISCRETION_REASONS_REQUIRED': { 'zh-CN': '裁量等级非一般的，须说明理由', en: 'A level other than general needs its reasons' },
  'REPORT.HEAVIER_AFTER_DEFENCE': { 'zh-CN': '不得因当事人陈述申辩而加重处罚', en: 'No heavier penalty because the party defended' },
  'DISCRETION.OUT_OF_RANGE': { 'zh-CN': '罚款超出裁量基准范围', en: 'The fine is outside the discretion benchmark' },
  'DISCRETION.BASE_MISSING': { 'zh-CN': '裁量基准所需的计算基数未记录', en: 'A base the benchmark needs is not recorded' },
  'DISCRETION.NOT_MITIGATION': { 'zh-CN': '罚款在法定幅度内，不属于减轻处罚', en: 'Within the statutory range: not mitigation' },
  'NOTICE.NOT_REQUIRED': { 'zh-CN': '未拟处罚，无需告知', en: 'No penalty proposed: no notice' },
  'NOTICE.HEARING_RIGHTS_MISSING': { 'zh-CN': '告知书须载明要求听证的权利', en: 'The notice must state the hearing right' },
  'NOTICE.ALREADY_APPROVED': { 'zh-CN': '告知已经负责人审批', en: 'The notice is already approved' },

  // Hearing
  'HEARING.NO_WINDOW': { 'zh-CN': '没有正在进行的听证申请期限', en: 'No hearing-request window is running' },
  'HEARING.WAIVED': { 'zh-CN': '当事人已放弃听证', en: 'The party waived its hearing' },
  'HEARING.NOT_ELIGIBLE': { 'zh-CN': '拟作出的处罚不属于听证范围', en: 'The penalty does not qualify for a hearing' },
  'HEARING.REQUEST_LATE': { 'zh-CN': '超过要求听证的期限', en: 'The hearing was requested too late' },
  'HEARING.NOTICE_TOO_SHORT': { 'zh-CN': '听证通知送达不足七个工作日', en: 'The hearing notice came too late' },
  'HEARING.HOST_CONFLICT': { 'zh-CN': '听证主持人不得为本案调查人员或须回避人员', en: 'The host may not host this hearing' },
  'HEARING.NOT_YET_DUE': { 'zh-CN': '听证尚未开始，当事人只能撤回申请', en: 'The hearing has not begun yet' },
  'HEARING.BEFORE_SCHEDULED': { 'zh-CN': '不得早于通知的听证日期举行听证', en: 'Not before the day the party was summoned to' },

  // Legal review and collective discussion
  'LEGAL_REVIEW.NOT_ASSIGNED_REVIEWER': { 'zh-CN': '您不是本案指定的法制审核人员', en: 'You are not the named legal reviewer' },
  'LEGAL_REVIEW.REVIEWER_UNQUALIFIED': { 'zh-CN': '法制审核人员资格无效', en: 'The reviewer is no longer qualified' },
  'LEGAL_REVIEW.NOT_A_REVIEWER': { 'zh-CN': '所指定人员不是本机关法制审核人员', en: 'The person named is not a legal reviewer' },
  'LEGAL_REVIEW.REVIEWER_NOT_QUALIFIED': { 'zh-CN': '所指定人员不具备法制审核资格', en: 'The person named lacks the qualification' },
  'LEGAL_REVIEW.REVIEWER_CONFLICT': { 'zh-CN': '调查或回避人员不得进行法制审核', en: 'The person named may not review this case' },
  'LEGAL_REVIEW.SAME_REVIEWER': { 'zh-CN': '重新指定的审核人员与原审核人员相同', en: 'The same reviewer is already named' },
  'LEGAL_REVIEW.ALREADY_MARKED': { 'zh-CN': '案件已标记为重大案件', en: 'The case is already marked major' },
  'COLLECTIVE.ATTENDEE_NOT_HEAD': { 'zh-CN': '集体讨论参加人须为本机关负责人', en: 'Attendees must be heads of the agency' },
  'COLLECTIVE.QUORUM_NOT_MET': { 'zh-CN': '集体讨论人数不足', en: 'Too few attendees for a collective discussion' },

  // Decision, service and execution
  'DECISION.CONTRARY_TO_REPORT': { 'zh-CN': '决定与调查终结报告的认定不符', en: 'The decision contradicts the report' },
  'DECISION.HEAVIER_THAN_NOTICE': { 'zh-CN': '处罚重于告知内容，须重新告知', en: 'Heavier than the notice: notify again' },
  'DECISION.STEPS_OWED': { 'zh-CN': '所作处罚尚缺法定前置程序', en: 'The decided penalty needs steps the case has not taken' },
  'DECISION.HEAVIER_AFTER_DEFENCE': { 'zh-CN': '不得因当事人陈述申辩而加重处罚', en: 'No heavier penalty because the party defended' },
  'DECISION.EVIDENCE_UNKNOWN': { 'zh-CN': '决定所依据的证据未在本案记录', en: 'The decision relies on unrecorded evidence' },
  'DECISION.EVIDENCE_UNCONFIRMED': { 'zh-CN': '决定不得依据未经确认的辅助人员证据草稿', en: 'The decision cites an unconfirmed draft' },
  'DECISION.NEW_EVIDENCE_NOT_CITED': { 'zh-CN': '决定须列明调查终结报告后登记的证据', en: 'Evidence recorded since the report is not cited' },
  'SERVICE.CONSENT_REQUIRED': { 'zh-CN': '电子送达须经当事人同意', en: 'Electronic service needs the party’s consent' },
  'SERVICE.WITNESS_REQUIRED': { 'zh-CN': '留置送达须有见证人或录像', en: 'Service on refusal needs witnesses or video' },
  'SERVICE.METHOD_NOT_ALLOWED': { 'zh-CN': '此处不得采用该送达方式', en: 'That service method is not allowed here' },
  'SERVICE.BEFORE_DECISION': { 'zh-CN': '送达日期早于决定日期', en: 'Served before the decision was made' },
  'PAYMENT.NOTHING_DUE': { 'zh-CN': '没有应缴款项', en: 'Nothing is due' },
  'PAYMENT.EXCEEDS_AMOUNT_DUE': { 'zh-CN': '缴款超过应缴金额', en: 'The payment exceeds the amount due' },
  'PAYMENT.SELF_COLLECTION': { 'zh-CN': '作出决定的机关不得自行收缴罚款', en: 'The deciding agency does not collect fines itself' },
  'PAYMENT.PLAN_EXISTS': { 'zh-CN': '已批准暂缓或分期缴纳', en: 'A payment plan is already approved' },
  'PAYMENT.PLAN_DATES_INVALID': { 'zh-CN': '缴纳日期不符合要求', en: 'The plan dates are not in order or not in the future' },
  'PAYMENT.PLAN_SUM_MISMATCH': { 'zh-CN': '各期金额合计与未缴金额不一致', en: 'The plan does not add up to what is outstanding' },
  'ENFORCEMENT.NOT_OVERDUE': { 'zh-CN': '缴纳期限未届满或已履行', en: 'The payment period has not passed unpaid' },
  'ENFORCEMENT.DEMAND_EXISTS': { 'zh-CN': '已送达催告书', en: 'A demand was already served' },
  'ENFORCEMENT.DEMAND_TOO_EARLY': { 'zh-CN': '催告书须在缴纳期限届满后送达', en: 'The demand is dated before the payment period ended' },
  'ENFORCEMENT.NO_DEMAND': { 'zh-CN': '尚未催告', en: 'No demand has been served' },
  'ENFORCEMENT.ALREADY_APPLIED': { 'zh-CN': '已申请人民法院强制执行', en: 'The court was already applied to' },
  'ENFORCEMENT.CHALLENGE_PENDING': { 'zh-CN': '行政复议或行政诉讼尚未审结', en: 'A reconsideration or lawsuit is pending' },
  'ENFORCEMENT.DEMAND_PERIOD_RUNNING': { 'zh-CN': '催告期间尚未届满', en: 'The 10 working days after the demand have not passed' },
  'ENFORCEMENT.CHALLENGE_WINDOWS_OPEN': { 'zh-CN': '复议、诉讼期限尚未届满', en: 'The challenge windows are still open' },
  'ENFORCEMENT.APPLICATION_LATE': { 'zh-CN': '已超过申请强制执行期限', en: 'The three months to apply to the court have passed' },
  'ENFORCEMENT.NOT_APPLIED': { 'zh-CN': '没有等待法院裁定的申请', en: 'No application awaits a ruling' },
  'ENFORCEMENT.NOTHING_TO_END': { 'zh-CN': '没有可终结执行的款项', en: 'Nothing is left to end' },
  'CHALLENGE.NOT_FOUND': { 'zh-CN': '没有该复议或诉讼记录', en: 'No such challenge' },
  'CHALLENGE.DUPLICATE_ID': { 'zh-CN': '复议或诉讼编号重复', en: 'Challenge id already used' },
  'CHALLENGE.VARIED_HEAVIER': { 'zh-CN': '变更后的处罚不得重于原处罚', en: 'A varied penalty may not be heavier' },
  'PAYMENT.DECISION_REVOKED': { 'zh-CN': '处罚决定已撤销或确认无效，不再收缴', en: 'The decision was revoked: nothing is collected' },

  // Public disclosure (公示)
  'DISCLOSURE.NOT_OWED': { 'zh-CN': '本案没有待公示的决定', en: 'No publication is owed' },
  'DISCLOSURE.WITHDRAWAL_NOT_OWED': { 'zh-CN': '本案没有待撤下的公示信息', en: 'No withdrawal is owed' },
  'DISCLOSURE.NOT_PUBLISHABLE': { 'zh-CN': '该决定不得公示', en: 'The decision may not be published' },
  'DISCLOSURE.PUBLISHABLE': { 'zh-CN': '该决定应当公示', en: 'The decision must be published' },
  'DISCLOSURE.UNKNOWN': { 'zh-CN': '本案未公示该信息', en: 'The case did not publish that disclosure' },
  'DISCLOSURE.NOT_FOUND': { 'zh-CN': '公示信息不存在', en: 'No such disclosure' },
  'CERTIFICATE.NOT_FOUND': { 'zh-CN': '执法证件不存在', en: 'No such certificate' },
  'RATE.LIMITED': { 'zh-CN': '请求过于频繁', en: 'Too many requests' },

  // Deadlines
  'DEADLINE.NOT_OPEN': { 'zh-CN': '该期限未在进行中', en: 'The deadline is not running' },
  'DEADLINE.EXPIRED': { 'zh-CN': '期限已届满，不能延长', en: 'The deadline has passed' },
  'DEADLINE.NOT_EXTENDABLE': { 'zh-CN': '该期限不能延长', en: 'This deadline cannot be extended' },
  'DEADLINE.EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION': { 'zh-CN': '再次延长须经集体讨论', en: 'A further extension needs a collective discussion' },
  'DEADLINE.NOT_DUE': { 'zh-CN': '期限尚未到提醒或届满时间', en: 'The deadline is not due yet' },
  'DEADLINE.ALREADY_REMINDED': { 'zh-CN': '已经提醒', en: 'Already reminded' },
  'DEADLINE.UNCHANGED': { 'zh-CN': '新的节假日安排不影响本案期限', en: 'The new calendar moves no deadline of the case' },

  // Testing and appraisal
  'EXAMINATION.NONE_OPEN': { 'zh-CN': '没有正在进行的检测、鉴定', en: 'No testing or appraisal under way' },
  'EXAMINATION.NOT_OPEN': { 'zh-CN': '该项检测、鉴定不存在或已结束', en: 'That testing or appraisal is not under way' },
  'EXAMINATION.BEFORE_FILING': { 'zh-CN': '检测、鉴定不得早于立案', en: 'Testing or appraisal cannot start before filing' },
  'EXAMINATION.ENDS_BEFORE_START': { 'zh-CN': '检测、鉴定的结束时间早于开始时间', en: 'The testing or appraisal ends before it started' },

  // Criminal transfer
  'TRANSFER.RECONSIDERATION_USED': { 'zh-CN': '已提请过复议', en: 'Reconsideration was already requested' },
  'TRANSFER.SUPERVISION_USED': { 'zh-CN': '已提请过检察监督', en: 'Supervision was already requested' },
  'TRANSFER.ALREADY_RECEIVED': { 'zh-CN': '公安机关已签收移送', en: 'The police already signed the receipt' },
  'TRANSFER.WINDOW_CLOSED': { 'zh-CN': '提请期限已届满', en: 'The window for this request has closed' },
  // The suspected-crime flag
  'SUSPECTED_CRIME.ALREADY_FLAGGED': { 'zh-CN': '本案已被标记为涉嫌犯罪', en: 'The case is already flagged as a suspected crime' },
  'SUSPECTED_CRIME.NOT_FLAGGED': { 'zh-CN': '本案未被标记为涉嫌犯罪', en: 'The case is not flagged as a suspected crime' },
  'TRANSFER.RECEIPT_BEFORE_DISPATCH': { 'zh-CN': '公安机关的处理时间早于移送时间', en: "The police's act precedes the dispatch" },
  'TRANSFER.MATERIAL_REQUEST_OPEN': { 'zh-CN': '公安机关要求补充的材料尚未补充', en: 'Missing material requested by the police is not yet supplied' },
  'TRANSFER.NO_MATERIAL_REQUEST': { 'zh-CN': '公安机关未要求补充材料', en: 'The police asked for no missing material' },
  'TRANSFER.ALREADY_HANDED_OVER': { 'zh-CN': '涉案物品及材料已移交', en: 'The items and files were already handed over' },
  'TRANSFER.STEP_BEFORE_ITS_CAUSE': { 'zh-CN': '所填时间早于其所依据的环节', en: 'The step is dated before the step it answers' },
  'TRANSFER.NO_INTAKE_REVIEW': { 'zh-CN': '无需进行受理审查', en: 'No intake review is owed' },
  'TRANSFER.EXPLANATION_ALREADY_REQUESTED': { 'zh-CN': '已要求公安机关说明不立案理由', en: 'The police were already asked to explain their refusal' },
  'TRANSFER.NO_EXPLANATION_REQUESTED': { 'zh-CN': '人民检察院未要求说明不立案理由', en: 'The procuratorate asked for no explanation' },
  'TRANSFER.ALREADY_EXPLAINED': { 'zh-CN': '公安机关已说明不立案理由', en: 'The police already explained their refusal' },
  'TRANSFER.EXPLANATION_AWAITED': { 'zh-CN': '尚待公安机关说明不立案理由', en: "The police's explanation is awaited" },
  'TRANSFER.EXPLANATION_NOT_REQUESTED': { 'zh-CN': '通知立案前须要求公安机关说明不立案理由', en: 'Filing is ordered only after the police were asked to explain' },

  // Coercive measures: 先行登记保存 and 查封扣押
  'CASE.MEASURE_OPEN': { 'zh-CN': '尚有先行登记保存或查封扣押措施未结束', en: 'A preservation or seizure is still open' },
  'MEASURE.DUPLICATE_ID': { 'zh-CN': '措施编号重复', en: 'Measure id already used' },
  'MEASURE.NOT_FOUND': { 'zh-CN': '本案没有该措施', en: 'No such measure in the case' },
  'MEASURE.NOT_IN_FORCE': { 'zh-CN': '该措施未在实施中', en: 'The measure is not in force' },
  'MEASURE.OFFICER_NOT_ASSIGNED': { 'zh-CN': '实施措施的须为本案承办人员', en: 'The officers must be assigned to the case' },
  'MEASURE.NO_CONFISCATION_DECISION': { 'zh-CN': '没收须依据作出没收的处罚决定', en: 'No penalty decision confiscates the items' },
  'PRESERVATION.ALREADY_APPROVED': { 'zh-CN': '该先行登记保存已经审批', en: 'The preservation was already approved or refused' },
  'PRESERVATION.LAPSED': { 'zh-CN': '先行登记保存已逾七个工作日，只能解除', en: 'The preservation lapsed: its items can only be returned' },
  'SEIZURE.ALREADY_EXTENDED': { 'zh-CN': '查封扣押期限只能延长一次', en: 'The seizure was already extended once' },
  'SEIZURE.EXTENSION_TOO_LONG': { 'zh-CN': '延长期限不得超过三十日', en: 'An extension adds at most 30 days' },
  'SEIZURE.EXPIRED': { 'zh-CN': '查封扣押期限已届满，应当解除', en: 'The seizure period has ended: return the items' },
  'SEIZURE.TESTING_OUTSIDE_PERIOD': { 'zh-CN': '检测期间须在查封扣押期限内开始', en: 'Testing must start within the seizure period' },
  'SEIZURE.TESTING_OVERLAP': { 'zh-CN': '检测期间与已登记的期间重叠', en: 'The testing interval overlaps one already recorded' },
  'SEIZURE.PRESERVATION_NOT_IN_FORCE': { 'zh-CN': '所承接的先行登记保存不在保存期内', en: 'The preservation to continue is not in force' },

  // The request itself
  'VALIDATION.FAILED': { 'zh-CN': '填写内容有误，请按字段提示修改', en: 'Some fields are invalid' },
  'REQUEST.MALFORMED': { 'zh-CN': '请求格式错误', en: 'The request could not be read' },
  'REQUEST.TOO_LARGE': { 'zh-CN': '请求内容过大', en: 'The request is too large' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { 'zh-CN': '不支持的请求内容编码', en: 'Unsupported request encoding' },
  'REQUEST.TIMEOUT': { 'zh-CN': '上传超时', en: 'The upload timed out' },
  'IDEMPOTENCY.KEY_INVALID': { 'zh-CN': '幂等键格式无效', en: 'Invalid Idempotency-Key' },
  'IDEMPOTENCY.KEY_REUSED': { 'zh-CN': '幂等键已用于其他请求', en: 'Idempotency-Key reused with another request' },
  'IDEMPOTENCY.IN_PROGRESS': { 'zh-CN': '相同请求正在处理中，请稍后重试', en: 'The same request is still in progress' },
  'ROUTE.NOT_FOUND': { 'zh-CN': '没有该接口', en: 'No such route' },
  'PROBLEM.UNKNOWN_CODE': { 'zh-CN': '没有该错误代码', en: 'No such problem code' },
  INTERNAL: { 'zh-CN': '系统内部错误，已记录', en: 'Internal error; it has been logged' },
};

/**
 * The reader's language from Accept-Language (RFC 9110 §12.5.4): the
 * language ranges by weight (q), the first one we write deciding — any
 * Chinese (zh, zh-CN, zh-Hans, zh-TW…) is zh-CN, any English is en, `*` is
 * English; ranges we do not write are skipped. Nothing usable: English.
 */
export function preferredLanguage(acceptLanguage: string | undefined): 'zh-CN' | 'en' {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find((m) => m !== null);
      const weight = q ? Number(q[1]) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.tag !== '' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-') || tag === '*') return 'en';
  }
  return 'en';
}
