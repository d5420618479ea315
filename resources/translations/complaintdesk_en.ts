<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>agenda</name>
    <message>
      <source>日程与提醒(&amp;R)</source>
      <translation>Agenda and &amp;reminders</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>When</translation>
    </message>
    <message>
      <source>案件号</source>
      <translation>Case no.</translation>
    </message>
    <message>
      <source>事项</source>
      <translation>What</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>已过期</source>
      <translation>Past due</translation>
    </message>
  </context>
  <context>
    <name>audit_viewer</name>
    <message>
      <source>审计记录</source>
      <translation>Audit trail</translation>
    </message>
    <message>
      <source>全部人员</source>
      <translation>Everyone</translation>
    </message>
    <message>
      <source>案件号</source>
      <translation>Case no.</translation>
    </message>
    <message>
      <source>全部操作</source>
      <translation>All actions</translation>
    </message>
    <message>
      <source>案件上的一切</source>
      <translation>Everything on cases</translation>
    </message>
    <message>
      <source>一切导出</source>
      <translation>All exports</translation>
    </message>
    <message>
      <source>加载更多(&amp;M)</source>
      <translation>Load &amp;more</translation>
    </message>
    <message>
      <source>校验记录链(&amp;V)</source>
      <translation>&amp;Verify the chain</translation>
    </message>
    <message>
      <source>导出为 Excel(&amp;E)…</source>
      <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
      <source>正在导出审计记录…</source>
      <translation>Exporting the audit trail…</translation>
    </message>
    <message>
      <source>人员(&amp;P)</source>
      <translation>&amp;Person</translation>
    </message>
    <message>
      <source>案件(&amp;C)</source>
      <translation>&amp;Case</translation>
    </message>
    <message>
      <source>操作(&amp;A)</source>
      <translation>&amp;Action</translation>
    </message>
    <message>
      <source>日期从(&amp;D)</source>
      <translation>&amp;Date from</translation>
    </message>
    <message>
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>操作人</source>
      <translation>By</translation>
    </message>
    <message>
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>导出审计记录</source>
      <translation>Export audit trail</translation>
    </message>
    <message>
      <source>审计记录.xlsx</source>
      <translation>audit-trail.xlsx</translation>
    </message>
    <message>
      <source>未能导出</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>显示 %1 / 共 %2 条</source>
      <translation>Showing %1 of %2</translation>
    </message>
    <message>
      <source>记录链断开：第 %1 号记录，%2</source>
      <translation>Chain broken at entry %1: %2</translation>
    </message>
    <message>
      <source>记录链完整：%1 条逐条校验一致。锚点 %2（请记入纸质报告或备份登记）</source>
      <translation>Chain intact: %1 entries checked one by one. Anchor %2 (write it in the paper report or the backup log)</translation>
    </message>
  </context>
  <context>
    <name>batch_print</name>
    <message>
      <source>批量打印文书</source>
      <translation>Batch print documents</translation>
    </message>
    <message>
      <source>尚未出具的案件现在正式出具（编号、存档、记入时间线）</source>
      <translation>Issue now for cases that have none yet (numbered, archived, entered in the timeline)</translation>
    </message>
    <message>
      <source>送打印机(&amp;P)</source>
      <translation>Send to &amp;printer</translation>
    </message>
    <message>
      <source>保存到文件夹(&amp;F)</source>
      <translation>Save to &amp;folder</translation>
    </message>
    <message>
      <source>文书(&amp;K)</source>
      <translation>Document &amp;kind</translation>
    </message>
    <message>
      <source>案件状态(&amp;S)</source>
      <translation>Case &amp;status</translation>
    </message>
    <message>
      <source>送达方式(&amp;D)</source>
      <translation>&amp;Delivery</translation>
    </message>
    <message>
      <source>输出</source>
      <translation>Output</translation>
    </message>
    <message>
      <source>已出具的案件打印存档的原件；其余打印草稿，除非勾选“正式出具”。</source>
      <translation>Cases with an issued document print the archived original; the others print a draft unless "Issue now" is ticked.</translation>
    </message>
    <message>
      <source>正在生成文书…</source>
      <translation>Producing documents…</translation>
    </message>
    <message>
      <source>保存到文件夹</source>
      <translation>Save to folder</translation>
    </message>
    <message>
      <source>未能批量打印</source>
      <translation>Batch printing failed</translation>
    </message>
    <message>
      <source>这一状态下没有案件。</source>
      <translation>No cases in this status.</translation>
    </message>
    <message>
      <source>已保存 %1 份到 %2</source>
      <translation>Saved %1 documents to %2</translation>
    </message>
  </context>
  <context>
    <name>calendar</name>
    <message>
      <source>工作日历</source>
      <translation>Working-day calendar</translation>
    </message>
    <message>
      <source>标记本年度安排已公布…</source>
      <translation>Mark this year's schedule as published…</translation>
    </message>
    <message>
      <source>年份(&amp;Y)</source>
      <translation>&amp;Year</translation>
    </message>
    <message>
      <source>如 元旦、春节</source>
      <translation>e.g. New Year's Day, Spring Festival</translation>
    </message>
    <message>
      <source>如 国办发明电〔2026〕7号</source>
      <translation>e.g. State Council General Office notice [2026] No. 7</translation>
    </message>
    <message>
      <source>日期(&amp;D)</source>
      <translation>&amp;Date</translation>
    </message>
    <message>
      <source>类型(&amp;K)</source>
      <translation>&amp;Kind</translation>
    </message>
    <message>
      <source>名称(&amp;N)</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <source>依据(&amp;S)</source>
      <translation>&amp;Source</translation>
    </message>
    <message>
      <source>保存此日期(&amp;A)</source>
      <translation>S&amp;ave this date</translation>
    </message>
    <message>
      <source>恢复为普通日期(&amp;R)</source>
      <translation>&amp;Restore as an ordinary day</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>依据</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>录入</source>
      <translation>Entered by</translation>
    </message>
    <message>
      <source>本年度放假安排已录入</source>
      <translation>This year's holiday schedule has been entered</translation>
    </message>
    <message>
      <source>本年度放假安排尚未公布：只按周末计算，涉及本年度的期限均为暂定</source>
      <translation>This year's holiday schedule is not yet published: only weekends are counted, and deadlines in this year are provisional</translation>
    </message>
    <message>
      <source>请先在“依据”中填写公布该年度放假安排的通知</source>
      <translation>First enter, under "Source", the notice that published the year's holiday schedule</translation>
    </message>
    <message>
      <source>已保存。%1 件案件的期限随之调整，并记入各案时间线。</source>
      <translation>Saved. The deadlines of %1 cases were adjusted and noted in each case's timeline.</translation>
    </message>
    <message>
      <source>%1 年放假安排已标记为公布，相关期限已重算。</source>
      <translation>The %1 holiday schedule is marked as published; the deadlines concerned were recalculated.</translation>
    </message>
  </context>
  <context>
    <name>case_view</name>
    <message>
      <source>显示完整号码(&amp;R)</source>
      <translation>&amp;Reveal full numbers</translation>
    </message>
    <message>
      <source>电话和证件号码默认遮蔽；显示需要相应权限，并记入审计记录</source>
      <translation>Phone and ID numbers are masked by default; revealing them needs the right and is written to the audit trail</translation>
    </message>
    <message>
      <source>保存修改 (Ctrl+S)</source>
      <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
      <source>撤销修改</source>
      <translation>Undo changes</translation>
    </message>
    <message>
      <source>重新载入 (F5)</source>
      <translation>Reload (F5)</translation>
    </message>
    <message>
      <source>时间线(&amp;L)（最新在上）</source>
      <translation>Time&amp;line (newest first)</translation>
    </message>
    <message>
      <source>证据(&amp;G)</source>
      <translation>Evidence (&amp;G)</translation>
    </message>
    <message>
      <source>文书(&amp;W)</source>
      <translation>Documents (&amp;W)</translation>
    </message>
    <message>
      <source>已显示完整号码（已记入审计记录）</source>
      <translation>Full numbers shown (written to the audit trail)</translation>
    </message>
    <message>
      <source>放弃修改？</source>
      <translation>Discard changes?</translation>
    </message>
    <message>
      <source>维修·回访记录(&amp;J)</source>
      <translation>Repair and follow-up records (&amp;J)</translation>
    </message>
    <message>
      <source>调查·调解·回访记录(&amp;J)</source>
      <translation>Investigation · mediation · follow-up (&amp;J)</translation>
    </message>
    <message>
      <source> · 登记于 %1</source>
      <translation> · registered %1</translation>
    </message>
    <message>
      <source>已保存 %1 项修改。</source>
      <translation>Saved %1 changes.</translation>
    </message>
    <message>
      <source>已载入他人保存的最新内容，你的修改已放弃。</source>
      <translation>Loaded what another seat saved last; your changes were discarded.</translation>
    </message>
    <message>
      <source>尚未保存：他人已修改此案件，你的输入仍在表单中。</source>
      <translation>Not saved: someone else changed this case. What you typed is still in the form.</translation>
    </message>
    <message>
      <source>案件 %1 有尚未保存的修改，确定放弃吗？</source>
      <translation>Case %1 has unsaved changes. Discard them?</translation>
    </message>
    <message>
      <source>诉</source>
      <translation>v.</translation>
    </message>
    <message>
      <source>收到于 %1 · 经办人 %2</source>
      <translation>Received %1 · handler %2</translation>
    </message>
    <message>
      <source>已在他人修改的基础上保存你的 %1 项修改。</source>
      <translation>Saved your %1 changes on top of the other seat's.</translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
    <message>
      <source>未保存：有 %1 处需要更正。</source>
      <translation>Not saved: %1 fields need correcting.</translation>
    </message>
    <message>
      <source>顾客 %1</source>
      <translation>Customer %1</translation>
    </message>
  </context>
  <context>
    <name>conflict_dialog</name>
    <message>
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>他人已修改此案件</source>
      <translation>Someone else changed this case</translation>
    </message>
    <message>
      <source>在他人修改的基础上保存我的修改(&amp;S)</source>
      <translation>&amp;Save my changes on top of theirs</translation>
    </message>
    <message>
      <source>放弃我的修改，载入最新(&amp;D)</source>
      <translation>&amp;Discard my changes and load the latest</translation>
    </message>
    <message>
      <source>继续编辑(&amp;E)</source>
      <translation>Keep &amp;editing</translation>
    </message>
    <message>
      <source>项目</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>你打开时</source>
      <translation>When you opened it</translation>
    </message>
    <message>
      <source>他人改为</source>
      <translation>They changed it to</translation>
    </message>
    <message>
      <source>你改为</source>
      <translation>You changed it to</translation>
    </message>
    <message>
      <source>两边改的是不同的项目，可以直接在对方的基础上保存你的修改。</source>
      <translation>You changed different fields: your changes can be saved on top of theirs.</translation>
    </message>
    <message>
      <source>你编辑期间，另一个席位保存了案件 %1。你的修改还没有保存，也没有覆盖别人的修改。</source>
      <translation>While you were editing, another seat saved case %1. Your changes are not saved yet and have overwritten nothing.</translation>
    </message>
    <message>
      <source>有 %1 项两边都改了（标红），保存时以你的为准。</source>
      <translation>%1 fields were changed on both sides (in red); saving keeps yours.</translation>
    </message>
  </context>
  <context>
    <name>dashboard</name>
    <message>
      <source>本月</source>
      <translation>This month</translation>
    </message>
    <message>
      <source>上月</source>
      <translation>Last month</translation>
    </message>
    <message>
      <source>本季度</source>
      <translation>This quarter</translation>
    </message>
    <message>
      <source>上季度</source>
      <translation>Last quarter</translation>
    </message>
    <message>
      <source>本年</source>
      <translation>This year</translation>
    </message>
    <message>
      <source>去年</source>
      <translation>Last year</translation>
    </message>
    <message>
      <source>统计期间(&amp;P)</source>
      <translation>&amp;Period</translation>
    </message>
    <message>
      <source>导出报告(&amp;R)…</source>
      <translation>Export &amp;report…</translation>
    </message>
    <message>
      <source>未结案件按期限（全部期间）</source>
      <translation>Open cases by deadline (all periods)</translation>
    </message>
    <message>
      <source>未结案件按状态</source>
      <translation>Open cases by status</translation>
    </message>
    <message>
      <source>每周登记</source>
      <translation>Registered per week</translation>
    </message>
    <message>
      <source>按类别</source>
      <translation>By category</translation>
    </message>
    <message>
      <source>按原因（调查查明）</source>
      <translation>By cause (found by investigation)</translation>
    </message>
    <message>
      <source>原因（按经营者、商品和型号）</source>
      <translation>Causes by business, product and model</translation>
    </message>
    <message>
      <source>改进措施（本期进行中或完成的）</source>
      <translation>Improvement actions (open or done in the period)</translation>
    </message>
    <message>
      <source>登记改进措施</source>
      <translation>Record an improvement action</translation>
    </message>
    <message>
      <source>改进措施完成</source>
      <translation>Improvement action done</translation>
    </message>
    <message>
      <source>正在生成统计报告…</source>
      <translation>Producing the statistics report…</translation>
    </message>
    <message>
      <source>统计未能完成</source>
      <translation>Statistics could not be completed</translation>
    </message>
    <message>
      <source>被投诉较多的经营者（前 10）</source>
      <translation>Most complained-about businesses (top 10)</translation>
    </message>
    <message>
      <source>按受理渠道</source>
      <translation>By channel</translation>
    </message>
    <message>
      <source>经办人</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>本期登记</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>目前未结</source>
      <translation>Open now</translation>
    </message>
    <message>
      <source>目前超期</source>
      <translation>Overdue now</translation>
    </message>
    <message>
      <source>本期办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>平均办结用时</source>
      <translation>Average time to close</translation>
    </message>
    <message>
      <source>经营者</source>
      <translation>Business</translation>
    </message>
    <message>
      <source>本期件数</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>未结</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>达成协议</source>
      <translation>Agreement reached</translation>
    </message>
    <message>
      <source>重复投诉</source>
      <translation>Repeat complaints</translation>
    </message>
    <message>
      <source>经办人工作量</source>
      <translation>Handler workload</translation>
    </message>
    <message>
      <source>商品或服务</source>
      <translation>Product or service</translation>
    </message>
    <message>
      <source>型号</source>
      <translation>Model</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Cause</translation>
    </message>
    <message>
      <source>件数</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>重复故障</source>
      <translation>Repeat fault</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>For</translation>
    </message>
    <message>
      <source>针对的原因</source>
      <translation>Cause addressed</translation>
    </message>
    <message>
      <source>改进措施</source>
      <translation>Improvement action</translation>
    </message>
    <message>
      <source>负责人</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>完成期限</source>
      <translation>Due by</translation>
    </message>
    <message>
      <source>完成情况</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>登记改进措施(&amp;I)…</source>
      <translation>Record &amp;improvement action…</translation>
    </message>
    <message>
      <source>标记完成(&amp;D)…</source>
      <translation>Mark &amp;done…</translation>
    </message>
    <message>
      <source>针对调查查明的原因，写明由谁在何时之前做什么；完成后在此标记完成。</source>
      <translation>Against a cause the investigations found: say who does what by when; mark it done here when it is.</translation>
    </message>
    <message>
      <source>登记案件</source>
      <translation>Cases registered</translation>
    </message>
    <message>
      <source>首次联系（中位）</source>
      <translation>First contact (median)</translation>
    </message>
    <message>
      <source>受理决定（中位）</source>
      <translation>Acceptance decision (median)</translation>
    </message>
    <message>
      <source>办结（中位）</source>
      <translation>Closed (median)</translation>
    </message>
    <message>
      <source>期限内完成</source>
      <translation>Done within the deadline</translation>
    </message>
    <message>
      <source>回访满意度</source>
      <translation>Follow-up satisfaction</translation>
    </message>
    <message>
      <source>为消费者挽回</source>
      <translation>Recovered for consumers</translation>
    </message>
    <message>
      <source>重复投诉的投诉人</source>
      <translation>Complainants who complained again</translation>
    </message>
    <message>
      <source>各期限按期完成：</source>
      <translation>Deadlines met: </translation>
    </message>
    <message>
      <source>经办人 </source>
      <translation>Handler </translation>
    </message>
    <message>
      <source>导出统计报告</source>
      <translation>Export statistics report</translation>
    </message>
    <message>
      <source>PDF 报告 (*.pdf);;Excel 统计工作簿 (*.xlsx)</source>
      <translation>PDF report (*.pdf);;Excel statistics workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>未能导出</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>经营者（重复投诉标出）</source>
      <translation>Businesses (repeat complaints flagged)</translation>
    </message>
    <message>
      <source>逾期未完成</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>进行中</source>
      <translation>In progress</translation>
    </message>
    <message>
      <source>天</source>
      <translation>days</translation>
    </message>
    <message>
      <source>换货 / 退货 / 不予三包</source>
      <translation>Exchanged / refunded / refused</translation>
    </message>
    <message>
      <source>达成协议 / 终止 / 不予受理</source>
      <translation>Agreed / terminated / not accepted</translation>
    </message>
    <message>
      <source>⚑ 重复</source>
      <translation>⚑ repeat</translation>
    </message>
    <message>
      <source>%1 完成</source>
      <translation>Done %1</translation>
    </message>
    <message>
      <source>%1 元</source>
      <translation>CNY %1</translation>
    </message>
    <message>
      <source>投诉统计报告-%1.pdf</source>
      <translation>complaint-statistics-report-%1.pdf</translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
  </context>
  <context>
    <name>documents</name>
    <message>
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>投诉材料</source>
      <translation>the complaint materials</translation>
    </message>
    <message>
      <source>{part}{hour}时{minute:02d}分</source>
      <translation> at {hour24}:{minute:02d}</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>（顾客已同意）</source>
      <translation> (accepted by the customer)</translation>
    </message>
    <message>
      <source>（顾客未确认）</source>
      <translation> (not yet accepted by the customer)</translation>
    </message>
    <message>
      <source>（未编号草稿）</source>
      <translation>(draft, not numbered)</translation>
    </message>
    <message>
      <source>依据{article}，</source>
      <translation>under {article}, </translation>
    </message>
    <message>
      <source>身份证明、购物凭证及相关证据</source>
      <translation>proof of identity, proof of purchase and other evidence</translation>
    </message>
    <message>
      <source>（{n}）{party}于{due}前{remedy}{amount}</source>
      <translation>({n}) {party}: {remedy}{amount} by {due}</translation>
    </message>
    <message>
      <source>：</source>
      <translation>: </translation>
    </message>
    <message>
      <source>。</source>
      <translation>.</translation>
    </message>
    <message>
      <source>上午</source>
      <translation>a.m.</translation>
    </message>
    <message>
      <source>下午</source>
      <translation>p.m.</translation>
    </message>
    <message>
      <source>（{n}）{start} {fault}：{diagnosis}</source>
      <translation>({n}) {start} {fault}: {diagnosis}</translation>
    </message>
    <message>
      <source>{case_no} 查询码 {code}</source>
      <translation>{case_no} query code {code}</translation>
    </message>
    <message>
      <source>{amount} 元</source>
      <translation>CNY {amount}</translation>
    </message>
    <message>
      <source>{article}第{item}项</source>
      <translation>{article}, item {item}</translation>
    </message>
    <message>
      <source>（{note}）</source>
      <translation> ({note})</translation>
    </message>
    <message>
      <source>（已于{day}履行）</source>
      <translation> (performed on {day})</translation>
    </message>
    <message>
      <source>，更换{parts}</source>
      <translation>, replaced {parts}</translation>
    </message>
    <message>
      <source>，{day} 修毕</source>
      <translation>, finished {day}</translation>
    </message>
    <message>
      <source>（{rule}）</source>
      <translation> ({rule})</translation>
    </message>
    <message>
      <source>（依据：{rule}）</source>
      <translation> (under: {rule})</translation>
    </message>
    <message>
      <source>（不在三包建议之内；理由：{reason}）</source>
      <translation> (outside the warranty advice; reason: {reason})</translation>
    </message>
    <message>
      <source>，{result}。</source>
      <translation>, {result}.</translation>
    </message>
    <message>
      <source>{title} {amount}（{how}；{rule}）</source>
      <translation>{title} {amount} ({how}; {rule})</translation>
    </message>
    <message>
      <source>草稿 未出具</source>
      <translation>DRAFT  NOT ISSUED</translation>
    </message>
    <message>
      <source>{office}（盖章）</source>
      <translation>{office} (seal)</translation>
    </message>
    <message>
      <source>（本文书更正并取代 {number}）</source>
      <translation>(This document corrects and replaces {number})</translation>
    </message>
    <message>
      <source>本协议书一式{n}份，双方当事人各执一份，本机构存档一份，具有同等效力。</source>
      <translation>This agreement is made in {n} originals of equal force: one for each party and one kept on file by this office.</translation>
    </message>
    <message>
      <source>{who}（签字）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日</source>
      <translation>{who} (signature): ____________________    Date: ____ / ____ / ________</translation>
    </message>
    <message>
      <source>送达方式：{0}</source>
      <translation>Delivered by: {0}</translation>
    </message>
    <message>
      <source>地址：{0}</source>
      <translation>Address: {0}</translation>
    </message>
    <message>
      <source>电话：{0}</source>
      <translation>Tel.: {0}</translation>
    </message>
    <message>
      <source>扫码或凭案件号和查询码查询办理进度：{code}</source>
      <translation>Scan the code, or quote the case number and query code, to check progress: {code}</translation>
    </message>
    <message>
      <source>投诉调解工作台</source>
      <translation>ComplaintDesk</translation>
    </message>
    <message>
      <source>{period}投诉处理情况报告</source>
      <translation>Complaint handling report {period}</translation>
    </message>
    <message>
      <source>天</source>
      <translation>days</translation>
    </message>
    <message>
      <source>项目</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>数值</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>登记案件</source>
      <translation>Cases registered</translation>
    </message>
    <message>
      <source>请求金额合计</source>
      <translation>Total amount claimed</translation>
    </message>
    <message>
      <source>为消费者挽回（经营者承担的补救）</source>
      <translation>Recovered for consumers (remedies borne by businesses)</translation>
    </message>
    <message>
      <source>首次联系用时（中位 / 平均）</source>
      <translation>Time to first contact (median / mean)</translation>
    </message>
    <message>
      <source>受理决定用时（中位 / 平均）</source>
      <translation>Time to acceptance decision (median / mean)</translation>
    </message>
    <message>
      <source>办结用时（中位 / 平均）</source>
      <translation>Time to close (median / mean)</translation>
    </message>
    <message>
      <source>期限内完成比例</source>
      <translation>Share done within the deadline</translation>
    </message>
    <message>
      <source>回访满意度（1–5）</source>
      <translation>Follow-up satisfaction (1–5)</translation>
    </message>
    <message>
      <source>重复投诉的投诉人</source>
      <translation>Complainants who complained again</translation>
    </message>
    <message>
      <source>目前未结案件（全部期间）</source>
      <translation>Open cases now (all periods)</translation>
    </message>
    <message>
      <source>概况</source>
      <translation>Overview</translation>
    </message>
    <message>
      <source>每周登记</source>
      <translation>Registered per week</translation>
    </message>
    <message>
      <source>每周登记案件数</source>
      <translation>Cases registered per week</translation>
    </message>
    <message>
      <source>各项期限</source>
      <translation>Deadlines</translation>
    </message>
    <message>
      <source>经办人工作量</source>
      <translation>Handler workload</translation>
    </message>
    <message>
      <source>原因分析</source>
      <translation>Causes</translation>
    </message>
    <message>
      <source>按原因</source>
      <translation>By cause</translation>
    </message>
    <message>
      <source>改进措施</source>
      <translation>Improvement action</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>For</translation>
    </message>
    <message>
      <source>针对的原因</source>
      <translation>Cause addressed</translation>
    </message>
    <message>
      <source>负责人</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>完成期限</source>
      <translation>Due by</translation>
    </message>
    <message>
      <source>完成情况</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>换货 / 退货 / 不予三包</source>
      <translation>Exchanged / refunded / refused under the warranty</translation>
    </message>
    <message>
      <source>达成协议 / 终止调解 / 不予受理</source>
      <translation>Agreed / mediation terminated / not accepted</translation>
    </message>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>期限</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>按期</source>
      <translation>Kept</translation>
    </message>
    <message>
      <source>超期</source>
      <translation>Missed</translation>
    </message>
    <message>
      <source>按期比例</source>
      <translation>Share kept</translation>
    </message>
    <message>
      <source>经办人</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>本期登记</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>目前未结</source>
      <translation>Open now</translation>
    </message>
    <message>
      <source>目前超期</source>
      <translation>Overdue now</translation>
    </message>
    <message>
      <source>本期办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>平均办结用时</source>
      <translation>Average time to close</translation>
    </message>
    <message>
      <source>逾期未完成</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>进行中</source>
      <translation>In progress</translation>
    </message>
    <message>
      <source>{share}（{kept} 按期 / {missed} 超期）</source>
      <translation>{share} ({kept} kept / {missed} missed)</translation>
    </message>
    <message>
      <source>{total}（其中超期 {overdue}）</source>
      <translation>{total} ({overdue} overdue)</translation>
    </message>
    <message>
      <source>类别与渠道</source>
      <translation>Categories and channels</translation>
    </message>
    <message>
      <source>按类别</source>
      <translation>By category</translation>
    </message>
    <message>
      <source>按受理渠道</source>
      <translation>By channel</translation>
    </message>
    <message>
      <source>经营者</source>
      <translation>Business</translation>
    </message>
    <message>
      <source>件数</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>未结</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>达成协议</source>
      <translation>Agreement reached</translation>
    </message>
    <message>
      <source>重复投诉</source>
      <translation>Repeat complaints</translation>
    </message>
    <message>
      <source>目前未结案件</source>
      <translation>Open cases now</translation>
    </message>
    <message>
      <source>按状态</source>
      <translation>By status</translation>
    </message>
    <message>
      <source>按期限</source>
      <translation>By deadline</translation>
    </message>
    <message>
      <source>审计锚点 {anchor}</source>
      <translation>Audit anchor {anchor}</translation>
    </message>
    <message>
      <source>商品或服务</source>
      <translation>Product or service</translation>
    </message>
    <message>
      <source>型号</source>
      <translation>Model</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Cause</translation>
    </message>
    <message>
      <source>重复故障</source>
      <translation>Repeat fault</translation>
    </message>
    <message>
      <source>本期没有登记改进措施</source>
      <translation>No improvement actions were recorded for the period</translation>
    </message>
    <message>
      <source>统计口径：{start} 至 {end} 登记的案件；生成于 {today}</source>
      <translation>Cases registered from {start} to {end}; produced on {today}</translation>
    </message>
    <message>
      <source>{score}（{count} 次回访）</source>
      <translation>{score} ({count} follow-ups)</translation>
    </message>
    <message>
      <source>被投诉较多的经营者</source>
      <translation>Most complained-about businesses</translation>
    </message>
    <message>
      <source>按经营者（前 12）</source>
      <translation>By business (top 12)</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>本期 {found} 件案件经调查查明原因（共登记 {received} 件）</source>
      <translation>The investigation found a cause in {found} of the period's cases ({received} registered)</translation>
    </message>
    <message>
      <source>{day} 完成</source>
      <translation>done {day}</translation>
    </message>
    <message>
      <source>{office}{abbr}〔{year}〕{n}号</source>
      <translation>{office} {abbr} [{year}] No. {n}</translation>
    </message>
  </context>
  <context>
    <name>documents_panel</name>
    <message>
      <source>按文书默认</source>
      <translation>As the document's default</translation>
    </message>
    <message>
      <source>预览(&amp;V)</source>
      <translation>Pre&amp;view</translation>
    </message>
    <message>
      <source>出具(&amp;U)</source>
      <translation>Iss&amp;ue</translation>
    </message>
    <message>
      <source>本案措辞(&amp;Y)…</source>
      <translation>Wording for this case (&amp;Y)…</translation>
    </message>
    <message>
      <source>文书</source>
      <translation>Document</translation>
    </message>
    <message>
      <source>文号</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>送达</source>
      <translation>Delivery</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>To</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>查看(&amp;K)</source>
      <translation>View (&amp;K)</translation>
    </message>
    <message>
      <source>重印(&amp;R)…</source>
      <translation>&amp;Reprint…</translation>
    </message>
    <message>
      <source>另存为 PDF(&amp;A)…</source>
      <translation>S&amp;ave as PDF…</translation>
    </message>
    <message>
      <source>更正(&amp;C)</source>
      <translation>&amp;Correct</translation>
    </message>
    <message>
      <source>请先在列表中选一份文书</source>
      <translation>Select a document in the list first</translation>
    </message>
    <message>
      <source>出具文书</source>
      <translation>Issue document</translation>
    </message>
    <message>
      <source>送达对象</source>
      <translation>Addressed to</translation>
    </message>
    <message>
      <source>送达方式</source>
      <translation>Delivery</translation>
    </message>
    <message>
      <source>已被更正</source>
      <translation>corrected</translation>
    </message>
    <message>
      <source>仅登记，无存档</source>
      <translation>recorded only, no stored copy</translation>
    </message>
    <message>
      <source>预览（草稿）：%1</source>
      <translation>Preview (draft): %1</translation>
    </message>
    <message>
      <source>%1-草稿.pdf</source>
      <translation>%1-draft.pdf</translation>
    </message>
    <message>
      <source>已出具 %1</source>
      <translation>Issued %1</translation>
    </message>
    <message>
      <source>已送打印：%1</source>
      <translation>Sent to the printer: %1</translation>
    </message>
    <message>
      <source>更正 %1</source>
      <translation>Correct %1</translation>
    </message>
    <message>
      <source>本案措辞已更新；请预览后再出具</source>
      <translation>This case's wording is updated; preview before issuing</translation>
    </message>
    <message>
      <source>出具后将编号、存档并记入时间线，不能撤回（错误只能更正）。确定出具%1吗？</source>
      <translation>Issuing numbers the document, stores it and enters it in the timeline; it cannot be withdrawn (mistakes can only be corrected). Issue %1?</translation>
    </message>
    <message>
      <source>已保存：%1</source>
      <translation>Saved: %1</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>请填写用户名和姓名</source>
      <translation>Enter a user name and a full name</translation>
    </message>
    <message>
      <source>未知的角色：{role}（可选：{roles}）</source>
      <translation>Unknown role: {role} (choose from: {roles})</translation>
    </message>
    <message>
      <source>密码至少 {n} 位</source>
      <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
      <source>没有这个账户：{name}</source>
      <translation>No such account: {name}</translation>
    </message>
    <message>
      <source>用户名或密码不对</source>
      <translation>Wrong user name or password</translation>
    </message>
    <message>
      <source>此账户已停用，请联系管理员</source>
      <translation>This account is deactivated; ask the administrator</translation>
    </message>
    <message>
      <source>密码错误次数过多，账户已锁定，请 {n} 分钟后再试</source>
      <translation>Too many wrong passwords: the account is locked; try again in {n} minutes</translation>
    </message>
    <message>
      <source>用户名或密码不对（还可再试 {n} 次）</source>
      <translation>Wrong user name or password ({n} tries left)</translation>
    </message>
    <message>
      <source>请填写用户名和密码</source>
      <translation>Please enter your user name and password</translation>
    </message>
    <message>
      <source>{name} 不是这个办公室的个人账户：请用本人的账户登录</source>
      <translation>{name} is not a personal account of this office: sign in with your own account</translation>
    </message>
    <message>
      <source>已有管理员：请用已有账户登录</source>
      <translation>There is already an administrator: sign in with an existing account</translation>
    </message>
    <message>
      <source>用户名已存在：{name}</source>
      <translation>The user name is taken: {name}</translation>
    </message>
    <message>
      <source>密码连续错误 {tries} 次，账户锁定 {n} 分钟</source>
      <translation>{tries} wrong passwords in a row: the account is locked for {n} minutes</translation>
    </message>
    <message>
      <source>没有可用的账户：{name}</source>
      <translation>No usable account: {name}</translation>
    </message>
    <message>
      <source>自动登录只用于只有一个账户的本机数据库（SQLite）：共享数据库或多个账户须各自登录</source>
      <translation>Automatic sign-in is only for a local (SQLite) database with a single account: on a shared database or with several accounts everyone signs in</translation>
    </message>
    <message>
      <source>用户名或密码不对，或此账户已停用</source>
      <translation>Wrong user name or password, or the account is disabled</translation>
    </message>
    <message>
      <source>服务器上已有名为 {name} 的数据库账户（可能属于另一个数据库）：请先改用户名</source>
      <translation>The server already has a database login named {name} (perhaps of another database): rename the account first</translation>
    </message>
    <message>
      <source>回访提醒应在办结后 0 至 {n} 个工作日</source>
      <translation>The follow-up reminder must be 0 to {n} working days after closing</translation>
    </message>
    <message>
      <source>目标已存在：{out}（请指定新的文件夹）</source>
      <translation>The target already exists: {out} (name a new folder)</translation>
    </message>
    <message>
      <source>存储的文件有问题，未生成备份（请先运行“校验”）：{problems}</source>
      <translation>Stored files are damaged; no backup was made (run Verify first): {problems}</translation>
    </message>
    <message>
      <source>备份格式不认识，请用相同版本的程序恢复</source>
      <translation>Unrecognised backup format; restore it with the same version of the program</translation>
    </message>
    <message>
      <source>备份的数据结构版本为 {theirs}，本程序为 {ours}；请先用同一版本程序恢复</source>
      <translation>The backup's schema version is {theirs}, this program's is {ours}; restore it with the same version first</translation>
    </message>
    <message>
      <source>备份清单的审计锚点与恢复出的审计记录不符，未恢复：{problem}</source>
      <translation>The audit anchor in the backup's manifest does not match the restored audit trail; nothing was restored: {problem}</translation>
    </message>
    <message>
      <source>目标数据库已存在：{path}。恢复只能写入空的新数据库。</source>
      <translation>The target database already exists: {path}. A restore can only write into an empty new database.</translation>
    </message>
    <message>
      <source>目标数据库中已有案件。恢复只能写入空的新数据库。</source>
      <translation>The target database already holds cases. A restore can only write into an empty new database.</translation>
    </message>
    <message>
      <source>{source} 不是完整的备份（没有 {manifest}）</source>
      <translation>{source} is not a complete backup (no {manifest})</translation>
    </message>
    <message>
      <source>备份清单已损坏：{reason}</source>
      <translation>The backup manifest is damaged: {reason}</translation>
    </message>
    <message>
      <source>恢复出的数据库未能写完整，请重试</source>
      <translation>The restored database could not be written completely; please try again</translation>
    </message>
    <message>
      <source>请保存为 .xlsx 文件</source>
      <translation>Save it as an .xlsx file</translation>
    </message>
    <message>
      <source>已取消导出，未生成文件</source>
      <translation>Export cancelled; no file was written</translation>
    </message>
    <message>
      <source>无法写入 {out}：{strerror}</source>
      <translation>Cannot write {out}: {strerror}</translation>
    </message>
    <message>
      <source>未知{what}“{text}”（可选：{items}）</source>
      <translation>Unknown {what} "{text}" (choose from: {items})</translation>
    </message>
    <message>
      <source>{name} 中没有工作表“{sheet}”（有：{items}）</source>
      <translation>{name} has no sheet "{sheet}" (it has: {items})</translation>
    </message>
    <message>
      <source>{name} 的工作表“{title}”没有表头和数据</source>
      <translation>Sheet "{title}" of {name} has no headers and no data</translation>
    </message>
    <message>
      <source>请为这些项目指定列：{items}</source>
      <translation>Choose a column for: {items}</translation>
    </message>
    <message>
      <source>请把检查报告保存为 .xlsx 文件</source>
      <translation>Save the check report as an .xlsx file</translation>
    </message>
    <message>
      <source>工作表“{name}”的表头与本程序导出的档案不一致（{detail}），请按旧登记簿导入</source>
      <translation>The headers of sheet "{name}" differ from this program's archives ({detail}); import it as an old register</translation>
    </message>
    <message>
      <source>找不到文件：{path}</source>
      <translation>File not found: {path}</translation>
    </message>
    <message>
      <source>无法读取 {name}：不是有效的 .xlsx 文件（{reason}）</source>
      <translation>Cannot read {name}: not a valid .xlsx file ({reason})</translation>
    </message>
    <message>
      <source>不是日期：{value}</source>
      <translation>Not a date: {value}</translation>
    </message>
    <message>
      <source>另一席位正在导入同一批数据，本次未导入任何案件；请稍后重试</source>
      <translation>Another seat is importing the same rows; nothing was imported this time. Try again later</translation>
    </message>
    <message>
      <source>时间不存在：{text}</source>
      <translation>No such time: {text}</translation>
    </message>
    <message>
      <source>已取消导入，数据库未作任何改动</source>
      <translation>Import cancelled; the database was not changed</translation>
    </message>
    <message>
      <source>目标已存在：{out}（请指定新的文件夹或文件名）</source>
      <translation>The target already exists: {out} (name a new folder or file)</translation>
    </message>
    <message>
      <source>找不到档案包：{path}</source>
      <translation>Archive package not found: {path}</translation>
    </message>
    <message>
      <source>不是完整的档案包（没有 {manifest}）</source>
      <translation>Not a complete archive package (no {manifest})</translation>
    </message>
    <message>
      <source>档案包格式不认识，请用相同版本的程序校验</source>
      <translation>Unrecognised archive package format; verify it with the same version of the program</translation>
    </message>
    <message>
      <source>已取消打包，未生成档案包</source>
      <translation>Packaging cancelled; no archive package was written</translation>
    </message>
    <message>
      <source>{path} 不是 ZIP 档案包，或文件已损坏</source>
      <translation>{path} is not a ZIP archive package, or the file is damaged</translation>
    </message>
    <message>
      <source>档案包清单已损坏：{reason}</source>
      <translation>The archive package manifest is damaged: {reason}</translation>
    </message>
    <message>
      <source>证据文件缺失（{case_no} 第 {evidence_id} 号），请先运行“校验”</source>
      <translation>An evidence file is missing ({case_no}, item {evidence_id}); run "Verify" first</translation>
    </message>
    <message>
      <source>证据文件已被改动（{case_no} 第 {evidence_id} 号），请先运行“校验”</source>
      <translation>An evidence file has been altered ({case_no}, item {evidence_id}); run "Verify" first</translation>
    </message>
    <message>
      <source>文书存档缺失（{case_no} {number}），请先运行“校验”</source>
      <translation>The filed copy of a document is missing ({case_no} {number}); run Verify first</translation>
    </message>
    <message>
      <source>文书存档已被改动（{case_no} {number}），请先运行“校验”</source>
      <translation>The filed copy of a document has been altered ({case_no} {number}); run Verify first</translation>
    </message>
    <message>
      <source>案件号格式应为 {example}</source>
      <translation>A case number looks like {example}</translation>
    </message>
    <message>
      <source>{name} 不是本办公室能经办案件的在岗用户</source>
      <translation>{name} is not an active user of this office who handles cases</translation>
    </message>
    <message>
      <source>案件不存在（编号 {id}）</source>
      <translation>No such case (id {id})</translation>
    </message>
    <message>
      <source>没有案件号为 {case_no} 的案件</source>
      <translation>There is no case numbered {case_no}</translation>
    </message>
    <message>
      <source>保存时缺少版本信息，请重新打开案件后再改</source>
      <translation>The case's version was missing when saving; reopen the case and edit again</translation>
    </message>
    <message>
      <source>请填写收到时间</source>
      <translation>Give the date the complaint was received</translation>
    </message>
    <message>
      <source>与建议的等级（{grade}）不同，请写明理由</source>
      <translation>Different from the proposed grade ({grade}): give the reason</translation>
    </message>
    <message>
      <source>收到时间不能晚于现在</source>
      <translation>The received time cannot be later than now</translation>
    </message>
    <message>
      <source>收到时间不在本办公室办理规则的适用期内，请核对年份</source>
      <translation>The received date is outside the period this office's rules cover; check the year</translation>
    </message>
    <message>
      <source>改了证件类型：请重新填写完整的证件号码（或清空）</source>
      <translation>The ID type changed: type the full ID number again (or clear it)</translation>
    </message>
    <message>
      <source>请选择等级</source>
      <translation>Choose a grade</translation>
    </message>
    <message>
      <source>改变等级请写明理由</source>
      <translation>Give the reason for changing the grade</translation>
    </message>
    <message>
      <source>电话格式不对：手机 11 位，固话如 010-12345678</source>
      <translation>Phone number not recognised: 11 digits for a mobile, a landline like 010-12345678</translation>
    </message>
    <message>
      <source>日期格式应为 2026-03-05 或 2026年3月5日</source>
      <translation>Write the date as 2026-03-05 or 2026/3/5</translation>
    </message>
    <message>
      <source>身份证号应为 18 位，现为 {n} 位</source>
      <translation>An ID card number has 18 characters; this one has {n}</translation>
    </message>
    <message>
      <source>身份证号前 17 位应为数字，最后一位为数字或 X</source>
      <translation>The first 17 characters of an ID card number are digits, the last a digit or X</translation>
    </message>
    <message>
      <source>身份证号校验位错误，请核对号码</source>
      <translation>The ID card number's check digit is wrong; check the number</translation>
    </message>
    <message>
      <source>身份证号中的出生日期晚于今天</source>
      <translation>The birth date in the ID card number is after today</translation>
    </message>
    <message>
      <source>统一社会信用代码应为 18 位，现为 {n} 位</source>
      <translation>A unified social credit code has 18 characters; this one has {n}</translation>
    </message>
    <message>
      <source>统一社会信用代码含无效字符：{bad}（不用 I、O、Z、S、V）</source>
      <translation>The unified social credit code has invalid characters: {bad} (I, O, Z, S and V are not used)</translation>
    </message>
    <message>
      <source>统一社会信用代码校验位错误，请核对</source>
      <translation>The unified social credit code's check character is wrong; check it</translation>
    </message>
    <message>
      <source>手机号应为 1 开头的 11 位数字（可加 +86）</source>
      <translation>A mobile number has 11 digits starting with 1 (+86 may go in front)</translation>
    </message>
    <message>
      <source>请填写序列号或 IMEI</source>
      <translation>Enter the serial number or IMEI</translation>
    </message>
    <message>
      <source>序列号只能含字母、数字（IMEI 为 15 位数字）</source>
      <translation>A serial number has letters and digits only (an IMEI is 15 digits)</translation>
    </message>
    <message>
      <source>IMEI 校验位不符，请核对 15 位数字（在拨号盘输入 *#06# 可显示）</source>
      <translation>The IMEI's check digit does not match: check the 15 digits (dial *#06# to show them)</translation>
    </message>
    <message>
      <source>时间应为 时:分，如 14:30</source>
      <translation>Write the time as hours:minutes, e.g. 14:30</translation>
    </message>
    <message>
      <source>金额应为数字，如 1299.00</source>
      <translation>Write the amount as a number, e.g. 1299.00</translation>
    </message>
    <message>
      <source>金额不能为负数</source>
      <translation>The amount cannot be negative</translation>
    </message>
    <message>
      <source>金额过大，请核对</source>
      <translation>The amount is too large; check it</translation>
    </message>
    <message>
      <source>金额最多保留两位小数（元、角、分）</source>
      <translation>At most two decimals (yuan, jiao, fen)</translation>
    </message>
    <message>
      <source>15 位身份证号只能由数字组成</source>
      <translation>A 15-character ID card number has digits only</translation>
    </message>
    <message>
      <source>身份证号中的出生日期不存在</source>
      <translation>The birth date in the ID card number does not exist</translation>
    </message>
    <message>
      <source>日期不存在：{value}</source>
      <translation>No such date: {value}</translation>
    </message>
    <message>
      <source>JSON 应为一个对象，键为字段名，如 "complainant.name"</source>
      <translation>The JSON must be one object keyed by field names, such as "complainant.name"</translation>
    </message>
    <message>
      <source>未知字段：{items}</source>
      <translation>Unknown fields: {items}</translation>
    </message>
    <message>
      <source>--sort 应为 {items} 之一</source>
      <translation>--sort must be one of {items}</translation>
    </message>
    <message>
      <source>请给出用户名</source>
      <translation>Give a user name</translation>
    </message>
    <message>
      <source>secure 只用于共享的 PostgreSQL 数据库；单机 SQLite 文件由操作系统的文件权限保护</source>
      <translation>secure is for a shared PostgreSQL database; a single-PC SQLite file is protected by the operating system's file permissions</translation>
    </message>
    <message>
      <source>请指定文书类型（KIND 或 --kind），如 acceptance_notice</source>
      <translation>Give the document kind (KIND or --kind), e.g. acceptance_notice</translation>
    </message>
    <message>
      <source>请用 --out 指定输出位置，或用 --printer 指定打印机</source>
      <translation>Say where with --out, or which printer with --printer</translation>
    </message>
    <message>
      <source>批量打印请用 --status 指定状态，或给出案件号</source>
      <translation>For batch printing give a status with --status, or give case numbers</translation>
    </message>
    <message>
      <source>此数据库设有账户：请用 --user 用户名 登录（密码从提示输入，或环境变量 COMPLAINTDESK_PASSWORD）</source>
      <translation>This database has accounts: sign in with --user NAME (the password at the prompt, or from COMPLAINTDESK_PASSWORD)</translation>
    </message>
    <message>
      <source>数据库还没有账户：第一个账户必须是管理员（--role admin）</source>
      <translation>The database has no accounts yet: the first one must be an administrator (--role admin)</translation>
    </message>
    <message>
      <source>数据库还没有账户：请用 --admin 用户名 --name 姓名 指定第一个管理员</source>
      <translation>The database has no accounts yet: name the first administrator with --admin USERNAME --name NAME</translation>
    </message>
    <message>
      <source>两次输入的密码不一致</source>
      <translation>The two passwords differ</translation>
    </message>
    <message>
      <source>没有密码：请在提示处输入，或设置环境变量 COMPLAINTDESK_PASSWORD</source>
      <translation>No password: type it at the prompt, or set COMPLAINTDESK_PASSWORD</translation>
    </message>
    <message>
      <source>JSON 格式错误：第 {line} 行第 {column} 列：{reason}</source>
      <translation>JSON error at line {line}, column {column}: {reason}</translation>
    </message>
    <message>
      <source>未知的项目：{target}（可用：{items}）</source>
      <translation>Unknown field: {target} (available: {items})</translation>
    </message>
    <message>
      <source>表头中没有“{column}”（有：{items}）</source>
      <translation>No "{column}" among the headers (there are: {items})</translation>
    </message>
    <message>
      <source>只有 PostgreSQL 超级用户（数据库管理员）能为数据库设置分角色账户</source>
      <translation>Only a PostgreSQL superuser (the database administrator) can set up per-role accounts</translation>
    </message>
    <message>
      <source>不认识的数据库地址：{text}（请用文件路径或 postgresql://用户@主机:端口/库名）</source>
      <translation>Unrecognised database address: {text} (use a file path or postgresql://user@host:port/database)</translation>
    </message>
    <message>
      <source>PostgreSQL 地址缺少库名：{address}</source>
      <translation>The PostgreSQL address names no database: {address}</translation>
    </message>
    <message>
      <source>此数据库由更新版本的投诉调解工作台创建（数据结构版本 {stored}，本程序支持到 {supported}）。为免损坏数据，本程序不会打开它，请升级程序后再试。</source>
      <translation>This database was made by a newer ComplaintDesk (schema version {stored}; this program supports up to {supported}). To avoid damaging it, this program will not open it; upgrade the program and try again.</translation>
    </message>
    <message>
      <source>{path} 是正在使用的数据库文件，不能作为证据、导入来源或保存目标。</source>
      <translation>{path} is the database in use; it cannot be evidence, an import source or a place to save to.</translation>
    </message>
    <message>
      <source>无法打开数据库 {location}：{reason}</source>
      <translation>Cannot open database {location}: {reason}</translation>
    </message>
    <message>
      <source>无法连接数据库 {location}：{reason}</source>
      <translation>Cannot connect to the database {location}: {reason}</translation>
    </message>
    <message>
      <source>数据库的版本表已损坏：{reason}</source>
      <translation>The database's version table is damaged: {reason}</translation>
    </message>
    <message>
      <source>正文字体只含 {n} 个 GB 2312 汉字（应为 {total} 个）</source>
      <translation>The body font has only {n} of the {total} GB 2312 hanzi</translation>
    </message>
    <message>
      <source>标题字体只含 {n} 个 GB 2312 汉字（应为 {total} 个）</source>
      <translation>The title font has only {n} of the {total} GB 2312 hanzi</translation>
    </message>
    <message>
      <source>标题字体不是可嵌入的 TrueType 字体（OpenType/CFF 字体请先转换）</source>
      <translation>The title font is not a TrueType font that can be embedded (convert OpenType/CFF fonts first)</translation>
    </message>
    <message>
      <source>办公室字体文件与登记时不一致，请在办公室设置中重新选择</source>
      <translation>The office's font file differs from the one registered; choose it again in the office settings</translation>
    </message>
    <message>
      <source>正文字体不是可嵌入的 TrueType 字体（OpenType/CFF 字体请先转换）</source>
      <translation>The body font is not a TrueType font that can be embedded (convert OpenType/CFF fonts first)</translation>
    </message>
    <message>
      <source>请填写办公室名称（文书抬头）</source>
      <translation>Enter the office name (letterhead)</translation>
    </message>
    <message>
      <source>文号格式必须含 {n}（序号）</source>
      <translation>A number pattern must contain {n} (the sequence number)</translation>
    </message>
    <message>
      <source>未知的文书类型：{kind}（可选：{items}）</source>
      <translation>Unknown document kind: {kind} (choose from: {items})</translation>
    </message>
    <message>
      <source>送达对象应为 {items}</source>
      <translation>The addressee must be one of {items}</translation>
    </message>
    <message>
      <source>请先在“设置 → 办公室设置”中填写办公室名称（文书抬头）</source>
      <translation>First enter the office name (letterhead) under Settings → Office settings</translation>
    </message>
    <message>
      <source>请选择送达方式（{choices}）</source>
      <translation>Choose how it is delivered ({choices})</translation>
    </message>
    <message>
      <source>{kind}还缺：{items}。请先记录，再出具</source>
      <translation>The {kind} still lacks: {items}. Record it first, then issue</translation>
    </message>
    <message>
      <source>没有这份文书（{id}）</source>
      <translation>No such document ({id})</translation>
    </message>
    <message>
      <source>{document} 是只登记未存档的文书，无法重印</source>
      <translation>{document} was recorded without a stored copy and cannot be reprinted</translation>
    </message>
    <message>
      <source>{number} 的存档已被改动，请运行“校验”</source>
      <translation>The stored copy of {number} has been altered; run "Verify"</translation>
    </message>
    <message>
      <source>未知的文书类型：{kind}</source>
      <translation>Unknown document kind: {kind}</translation>
    </message>
    <message>
      <source>文号格式只能使用 {{office}} {{abbr}} {{year}} {{n}}：{reason}</source>
      <translation>A number pattern can use only {{office}} {{abbr}} {{year}} {{n}}: {reason}</translation>
    </message>
    <message>
      <source>存档文件缺失（{sha}…），请运行“校验”</source>
      <translation>A stored file is missing ({sha}…); run "Verify"</translation>
    </message>
    <message>
      <source>已取消：完成 {n} 件，其余未处理</source>
      <translation>Cancelled: {n} done, the rest untouched</translation>
    </message>
    <message>
      <source>要更正的文书不属于这件案件</source>
      <translation>The document to correct does not belong to this case</translation>
    </message>
    <message>
      <source>出现了空的 {}，请写明要填入的项目，如 {案件号}</source>
      <translation>There is an empty {}; name what goes in it, e.g. {case_no}</translation>
    </message>
    <message>
      <source>不认识的填入项：{unknown}（可用：{known}）</source>
      <translation>Unknown placeholders: {unknown} (available: {known})</translation>
    </message>
    <message>
      <source>花括号不成对：{reason}</source>
      <translation>Unmatched braces: {reason}</translation>
    </message>
    <message>
      <source>文书正文不能为空；要用办公室模板，请选“恢复办公室模板”</source>
      <translation>The text cannot be empty; to use the office's template, choose "Back to the office template"</translation>
    </message>
    <message>
      <source>不能作为证据上传：文件是可执行程序或脚本</source>
      <translation>Cannot be added as evidence: the file is a program or a script</translation>
    </message>
    <message>
      <source>不能作为证据上传：{suffix} 文件可能是程序或脚本</source>
      <translation>Cannot be added as evidence: a {suffix} file may be a program or a script</translation>
    </message>
    <message>
      <source>请选择证据类别（{kinds}）</source>
      <translation>Choose the kind of evidence ({kinds})</translation>
    </message>
    <message>
      <source>请选择证据提供方（投诉人、经营者或本机关）</source>
      <translation>Choose who supplied the evidence (complainant, business or this office)</translation>
    </message>
    <message>
      <source>说明最多 300 字</source>
      <translation>The description can have at most 300 characters</translation>
    </message>
    <message>
      <source>文件过大（{size:.1f} MB），单个证据上限为 {limit} MB</source>
      <translation>The file is too large ({size:.1f} MB); one item of evidence may have at most {limit} MB</translation>
    </message>
    <message>
      <source>文件是空的</source>
      <translation>The file is empty</translation>
    </message>
    <message>
      <source>证据不存在</source>
      <translation>No such evidence</translation>
    </message>
    <message>
      <source>请写明移除理由</source>
      <translation>Give a reason for removing it</translation>
    </message>
    <message>
      <source>不能作为证据上传：文件是可执行程序</source>
      <translation>Cannot be added as evidence: the file is a program</translation>
    </message>
    <message>
      <source>证据文件缺失：{sha}…</source>
      <translation>Evidence file missing: {sha}…</translation>
    </message>
    <message>
      <source>无法读取文件：{reason}</source>
      <translation>Cannot read the file: {reason}</translation>
    </message>
    <message>
      <source>该证据已被移除</source>
      <translation>This evidence has been removed</translation>
    </message>
    <message>
      <source>已取消，未添加证据</source>
      <translation>Cancelled; no evidence was added</translation>
    </message>
    <message>
      <source>{field}含有不能保存的控制字符或残缺字符，请删去后重新输入</source>
      <translation>{field} contains control or broken characters that cannot be stored; delete them and type it again</translation>
    </message>
    <message>
      <source>{field}过长（最多 {n} 字）</source>
      <translation>{field} is too long (at most {n} characters)</translation>
    </message>
    <message>
      <source>填写了证件号码，请选择证件类型</source>
      <translation>An ID number was given: choose the ID type</translation>
    </message>
    <message>
      <source>发票日期早于购买日期超过 {n} 天，请核对</source>
      <translation>The invoice date is more than {n} days before the purchase date; check it</translation>
    </message>
    <message>
      <source>知道权益受损的日期不能早于购买日期</source>
      <translation>The date the harm became known cannot be before the purchase date</translation>
    </message>
    <message>
      <source>未知选项：{options}</source>
      <translation>Unknown choice: {options}</translation>
    </message>
    <message>
      <source>请选择{field}</source>
      <translation>Choose {field}</translation>
    </message>
    <message>
      <source>请填写{field}</source>
      <translation>Fill in {field}</translation>
    </message>
    <message>
      <source>日期不能晚于今天</source>
      <translation>The date cannot be after today</translation>
    </message>
    <message>
      <source>日期过早，请核对</source>
      <translation>The date is too early; check it</translation>
    </message>
    <message>
      <source>收到时间不能晚于今天</source>
      <translation>The received date cannot be after today</translation>
    </message>
    <message>
      <source>请填写证件号码，或把证件类型设为“未登记”</source>
      <translation>Enter the ID number, or set the ID type to "Not recorded"</translation>
    </message>
    <message>
      <source>证件号码长度不对</source>
      <translation>The ID number has the wrong length</translation>
    </message>
    <message>
      <source>请写明改进措施针对的经营者或商品</source>
      <translation>Name the business or the product the improvement action is for</translation>
    </message>
    <message>
      <source>完成期限不能早于今天</source>
      <translation>The due date cannot be before today</translation>
    </message>
    <message>
      <source>改进措施不存在（编号 {id}）</source>
      <translation>The improvement action does not exist (number {id})</translation>
    </message>
    <message>
      <source>这项改进措施已于 {day} 完成</source>
      <translation>This improvement action was done on {day}</translation>
    </message>
    <message>
      <source>完成日期不能早于登记日期 {day}</source>
      <translation>The day it was done cannot be before it was recorded ({day})</translation>
    </message>
    <message>
      <source>这项改进措施已被其他席位修改，请刷新后再试</source>
      <translation>Another seat changed this improvement action; refresh and try again</translation>
    </message>
    <message>
      <source>时间格式应为 时:分，如 09:30</source>
      <translation>Write the time as hours:minutes, e.g. 09:30</translation>
    </message>
    <message>
      <source>调解时间已过，请安排以后的时间</source>
      <translation>That time has passed; schedule a later one</translation>
    </message>
    <message>
      <source>调解安排不存在</source>
      <translation>The scheduled session does not exist</translation>
    </message>
    <message>
      <source>这次调解已经改期或已经举行，请刷新后再操作</source>
      <translation>This session was already moved or held; refresh and try again</translation>
    </message>
    <message>
      <source>现场调解请填写地点</source>
      <translation>Give the place of an in-person session</translation>
    </message>
    <message>
      <source>该调解员已声明与本案存在利害关系，请另选调解员</source>
      <translation>This mediator declared a conflict of interest in the case; choose another</translation>
    </message>
    <message>
      <source>调解日期早于安排的日期；如已改期，请先登记改期</source>
      <translation>The date is before the scheduled day; if the session was moved, record the move first</translation>
    </message>
    <message>
      <source>升级后有 {n} 行引用了不存在的记录，已撤销本步升级</source>
      <translation>After the upgrade {n} rows would refer to records that do not exist; this step was undone</translation>
    </message>
    <message>
      <source>数据库（结构版本 {stored}）需要升级到版本 {latest}：请数据库管理员用 PostgreSQL 超级用户运行 complaintdesk init 后再登录</source>
      <translation>The database (schema version {stored}) needs upgrading to version {latest}: the database administrator runs complaintdesk init as a PostgreSQL superuser, then sign in again</translation>
    </message>
    <message>
      <source>{name}（{role}）无权{action}</source>
      <translation>{name} ({role}) may not: {action}</translation>
    </message>
    <message>
      <source>请选择打印机</source>
      <translation>Choose a printer</translation>
    </message>
    <message>
      <source>未知的双面方式：{duplex}</source>
      <translation>Unknown duplex mode: {duplex}</translation>
    </message>
    <message>
      <source>份数应在 1 至 999 之间</source>
      <translation>Copies must be 1 to 999</translation>
    </message>
    <message>
      <source>打印机 {printer} 未接受打印：{detail}</source>
      <translation>Printer {printer} did not accept the job: {detail}</translation>
    </message>
    <message>
      <source>页码范围应写成 1-2,4</source>
      <translation>Write the page range as 1-2,4</translation>
    </message>
    <message>
      <source>打印系统没有响应：{detail}</source>
      <translation>The print system did not answer: {detail}</translation>
    </message>
    <message>
      <source>修毕日期不能早于开始维修日期</source>
      <translation>The repair cannot finish before it started</translation>
    </message>
    <message>
      <source>请填写修毕日期（还在修的，结果选“等待配件”或稍后再记）</source>
      <translation>Enter the day the repair finished (still in repair: choose “waiting for parts” or record it later)</translation>
    </message>
    <message>
      <source>请填写订购配件日期</source>
      <translation>Enter the day the parts were ordered</translation>
    </message>
    <message>
      <source>等待配件：请填写订购配件日期</source>
      <translation>Waiting for parts: enter the day they were ordered</translation>
    </message>
    <message>
      <source>未知的记录类型：{kind_code}</source>
      <translation>Unknown record kind: {kind_code}</translation>
    </message>
    <message>
      <source>配件到货日期不能早于订购日期</source>
      <translation>The parts cannot arrive before they were ordered</translation>
    </message>
    <message>
      <source>检测鉴定记录不存在</source>
      <translation>No such appraisal record</translation>
    </message>
    <message>
      <source>结束日期不能早于送检日期</source>
      <translation>The end date cannot be before the date sent for testing</translation>
    </message>
    <message>
      <source>维修记录不存在</source>
      <translation>The repair record does not exist</translation>
    </message>
    <message>
      <source>这次维修已于 {day} 修毕</source>
      <translation>This repair finished on {day}</translation>
    </message>
    <message>
      <source>协议内容不存在</source>
      <translation>No such agreement term</translation>
    </message>
    <message>
      <source>案件当前状态不能申诉重新办理</source>
      <translation>An appeal cannot reopen the case in its current status</translation>
    </message>
    <message>
      <source>案件 {case} 超出本地搜索索引的编号范围（{most}）</source>
      <translation>Case {case} is beyond the numbers the local search index can hold ({most})</translation>
    </message>
    <message>
      <source>PDF 中没有嵌入字体</source>
      <translation>The PDF has no embedded fonts</translation>
    </message>
    <message>
      <source>数据库 {location} 无法读取或升级（可能已损坏，或不是本程序的数据库）：{reason}</source>
      <translation>Database {location} cannot be read or upgraded (it may be damaged, or not this program's): {reason}</translation>
    </message>
    <message>
      <source>{day} 之后很久都没有工作日，请检查日历设置</source>
      <translation>No working day for a long time after {day}; check the calendar</translation>
    </message>
    <message>
      <source>从 {trigger} 起数 {count} 个工作日超出了日历范围</source>
      <translation>{count} working days from {trigger} run past the calendar</translation>
    </message>
    <message>
      <source>未知的日期类型：{kind}</source>
      <translation>Unknown kind of day: {kind}</translation>
    </message>
    <message>
      <source>请注明依据（如国务院办公厅通知的文号）</source>
      <translation>State the source (e.g. the number of the State Council General Office notice)</translation>
    </message>
    <message>
      <source>工作日数不能为负</source>
      <translation>The number of working days cannot be negative</translation>
    </message>
    <message>
      <source>{trigger} 加 {count} 个月超出了日历范围</source>
      <translation>{trigger} plus {count} months runs past the calendar</translation>
    </message>
    <message>
      <source>{day} 之后 {days} 天超出了日历范围</source>
      <translation>{days} days after {day} run past the calendar</translation>
    </message>
    <message>
      <source>尚未记录协议条款：请先在“记录”中添加补救措施（谁、做什么、金额、期限）</source>
      <translation>No agreed terms recorded yet: add them under Records (who, what, amount, by when)</translation>
    </message>
    <message>
      <source>未知的办公室类型：{code}（可选 {items}）</source>
      <translation>Unknown office type: {code} (choose from {items})</translation>
    </message>
    <message>
      <source>尚未记录{parties}同意调解</source>
      <translation>Consent to mediation not yet recorded for: {parties}</translation>
    </message>
    <message>
      <source>尚未指定调解员</source>
      <translation>No mediator assigned yet</translation>
    </message>
    <message>
      <source>调解员 {name} 已声明与本案存在利害关系，须另行指定</source>
      <translation>Mediator {name} has declared a conflict of interest; assign another</translation>
    </message>
    <message>
      <source>办结前须先送达：{documents}</source>
      <translation>Before closing, deliver: {documents}</translation>
    </message>
    <message>
      <source>须先登记申诉</source>
      <translation>Record the appeal first</translation>
    </message>
    <message>
      <source>移交其他机构调解须双方同意，尚缺：{parties}</source>
      <translation>Handing the mediation to another body needs both parties' consent; missing: {parties}</translation>
    </message>
    <message>
      <source>请填写接收机构（转送或移交给谁）</source>
      <translation>Give the receiving office (who it is forwarded or handed to)</translation>
    </message>
    <message>
      <source>三包建议不包括{remedy}（今天可选：{offered}）；如按顾客要求办理，请写明理由</source>
      <translation>The warranty advice does not include {remedy} (today: {offered}); to do it as the customer asks, give the reason</translation>
    </message>
    <message>
      <source>未知的事项：{name}</source>
      <translation>Unknown matter: {name}</translation>
    </message>
    <message>
      <source>未知的当事人：{party}</source>
      <translation>Unknown party: {party}</translation>
    </message>
    <message>
      <source>请填写调解员姓名</source>
      <translation>Enter the mediator's name</translation>
    </message>
    <message>
      <source>办公时间的结束应晚于开始</source>
      <translation>The office hours must end after they start</translation>
    </message>
    <message>
      <source>请填写批准人</source>
      <translation>Give who approved it</translation>
    </message>
    <message>
      <source>批准日期不能晚于今天</source>
      <translation>The approval date cannot be after today</translation>
    </message>
    <message>
      <source>办结前{document}还须送达：{parties}</source>
      <translation>Before closing, the {document} must still reach: {parties}</translation>
    </message>
    <message>
      <source>案件当前为“{now}”，不能直接转为“{target}”（可转为：{allowed}）</source>
      <translation>The case is "{now}" and cannot go straight to "{target}" (it can go to: {allowed})</translation>
    </message>
    <message>
      <source>转送日期不能晚于今天</source>
      <translation>The forwarding date cannot be after today</translation>
    </message>
    <message>
      <source>案件 {case_no} 的状态已被其他席位改变，请刷新后再操作</source>
      <translation>Another seat changed the status of case {case_no}; refresh and try again</translation>
    </message>
    <message>
      <source>新机的序列号/IMEI 与原机相同，请核对</source>
      <translation>The new device's serial/IMEI is the old one's: check it</translation>
    </message>
    <message>
      <source>调解员 {name} 已声明与本案存在利害关系，不能指定</source>
      <translation>Mediator {name} has declared a conflict of interest and cannot be assigned</translation>
    </message>
    <message>
      <source>办公时间格式应为 09:00-17:00</source>
      <translation>Write the office hours as 09:00-17:00</translation>
    </message>
    <message>
      <source>等级 {grade} 的首次联系期限随办理规则，不能单独设置</source>
      <translation>The first contact of grade {grade} follows the office's rules and cannot be set on its own</translation>
    </message>
    <message>
      <source>{grade}案件的首次联系应在 1 至 {n} 个办公小时内</source>
      <translation>First contact for {grade} complaints must be within 1 to {n} office hours</translation>
    </message>
    <message>
      <source>{rule} 没有可延长的进行中期限</source>
      <translation>{rule} has no running deadline that may be extended</translation>
    </message>
    <message>
      <source>{rule} 已延长过一次，不能再延长</source>
      <translation>{rule} was already extended once and cannot be extended again</translation>
    </message>
    <message>
      <source>期限 {code} 不能由办公室设置</source>
      <translation>Deadline {code} cannot be set by the office</translation>
    </message>
    <message>
      <source>{rule}的天数应在 1 到 1000 之间</source>
      <translation>{rule}: the number of days must be between 1 and 1000</translation>
    </message>
    <message>
      <source>“{action}”须选择理由</source>
      <translation>"{action}" needs a reason</translation>
    </message>
    <message>
      <source>理由 {reason} 不在本办公室“{action}”的理由清单中</source>
      <translation>Reason {reason} is not on this office's list for "{action}"</translation>
    </message>
    <message>
      <source>未知的投诉类别：{category}</source>
      <translation>Unknown complaint category: {category}</translation>
    </message>
    <message>
      <source>{names} 不是本办公室能经办案件的在岗用户（{category}）</source>
      <translation>{names}: not an active user of this office who handles cases ({category})</translation>
    </message>
    <message>
      <source>请选择新的经办人</source>
      <translation>Choose the new handler</translation>
    </message>
    <message>
      <source>改派须写明理由</source>
      <translation>Give the reason for the reassignment</translation>
    </message>
    <message>
      <source>{name} 不是本办公室的在岗用户</source>
      <translation>{name} is not an active user of this office</translation>
    </message>
    <message>
      <source>案件已由 {name} 经办</source>
      <translation>The case is already handled by {name}</translation>
    </message>
    <message>
      <source>案件 {case_no} 已被其他席位修改，请刷新后再改派</source>
      <translation>Case {case_no} was changed at another seat; refresh, then reassign</translation>
    </message>
    <message>
      <source>有 {n} 处需要更正：{first}</source>
      <translation>{n} fields need correcting: {first}</translation>
    </message>
  </context>
  <context>
    <name>evidence</name>
    <message>
      <source>可把文件拖到案件页上添加。</source>
      <translation>Files can be dropped on the case page to add them.</translation>
    </message>
    <message>
      <source>选择证据文件</source>
      <translation>Choose evidence files</translation>
    </message>
    <message>
      <source>添加证据</source>
      <translation>Add evidence</translation>
    </message>
    <message>
      <source>正在计算 SHA-256 并保存证据…</source>
      <translation>Computing SHA-256 and storing the evidence…</translation>
    </message>
    <message>
      <source>未能添加证据</source>
      <translation>Evidence not added</translation>
    </message>
    <message>
      <source>移除证据</source>
      <translation>Remove evidence</translation>
    </message>
    <message>
      <source>添加文件(&amp;A)…</source>
      <translation>&amp;Add files…</translation>
    </message>
    <message>
      <source>粘贴图片 (Ctrl+V)</source>
      <translation>Paste image (Ctrl+V)</translation>
    </message>
    <message>
      <source>查看(&amp;V)</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>移除(&amp;D)…</source>
      <translation>Remove (&amp;D)…</translation>
    </message>
    <message>
      <source>核验</source>
      <translation>Verify</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>提供方</source>
      <translation>Supplied by</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>粘贴图片</source>
      <translation>Paste image</translation>
    </message>
    <message>
      <source>剪贴板中没有图片。</source>
      <translation>There is no image on the clipboard.</translation>
    </message>
    <message>
      <source>剪贴板图片.png</source>
      <translation>clipboard-image.png</translation>
    </message>
    <message>
      <source>移除后不再显示，文件保留至管理员按保存期限清理。</source>
      <translation>Once removed it is no longer shown; the file is kept until the administrator purges it after the retention period.</translation>
    </message>
    <message>
      <source>全部证据的 SHA-256 与登记时一致。</source>
      <translation>The SHA-256 of every item matches what was recorded.</translation>
    </message>
    <message>
      <source>添加：</source>
      <translation>Add: </translation>
    </message>
    <message>
      <source>粘贴的图片</source>
      <translation>Pasted image</translation>
    </message>
    <message>
      <source>未能添加</source>
      <translation>Not added</translation>
    </message>
    <message>
      <source>无法打开</source>
      <translation>Cannot open</translation>
    </message>
    <message>
      <source>移除理由</source>
      <translation>Reason for removal</translation>
    </message>
    <message>
      <source>⚠ 文件缺失</source>
      <translation>⚠ file missing</translation>
    </message>
    <message>
      <source>⚠ 内容被改动</source>
      <translation>⚠ content altered</translation>
    </message>
    <message>
      <source> 等 %1 个文件</source>
      <translation> and others, %1 files</translation>
    </message>
    <message>
      <source>%1 件证据有问题，已标红。</source>
      <translation>%1 items have problems and are marked in red.</translation>
    </message>
    <message>
      <source>%1 · SHA-256 %2… · R 旋转 · ←/→ 上一张/下一张</source>
      <translation>%1 · SHA-256 %2… · R rotate · ←/→ previous/next</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <source>（请选择）</source>
      <translation>(choose)</translation>
    </message>
  </context>
  <context>
    <name>file_dialogs</name>
    <message>
      <source>文件夹</source>
      <translation>Folder</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>不能选择此文件</source>
      <translation>This file cannot be chosen</translation>
    </message>
    <message>
      <source>%1 文件</source>
      <translation>%1 file</translation>
    </message>
    <message>
      <source>%1 是正在使用的数据库文件，不能作为证据、导入来源或保存目标。</source>
      <translation>%1 is the database in use; it cannot be evidence, an import source or a place to save to.</translation>
    </message>
  </context>
  <context>
    <name>import_dialog</name>
    <message>
      <source>导入旧登记簿</source>
      <translation>Import old register</translation>
    </message>
    <message>
      <source>尚未选择文件</source>
      <translation>No file chosen yet</translation>
    </message>
    <message>
      <source>选择文件(&amp;O)…</source>
      <translation>Ch&amp;oose file…</translation>
    </message>
    <message>
      <source>程序已按表头猜出每一项取自哪一列，请逐项核对；不需要的项目选“（不导入）”。</source>
      <translation>The program guessed each field's column from the headers; check each one, and choose "(do not import)" for what you do not need.</translation>
    </message>
    <message>
      <source>检查(&amp;D)</source>
      <translation>Check (&amp;D)</translation>
    </message>
    <message>
      <source>保存检查报告(&amp;S)…</source>
      <translation>&amp;Save check report…</translation>
    </message>
    <message>
      <source>导入(&amp;I)</source>
      <translation>&amp;Import</translation>
    </message>
    <message>
      <source>选择要导入的 Excel 文件</source>
      <translation>Choose the Excel file to import</translation>
    </message>
    <message>
      <source>正在检查每一行…</source>
      <translation>Checking every row…</translation>
    </message>
    <message>
      <source>正在导入…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>项目</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>取自列</source>
      <translation>From column</translation>
    </message>
    <message>
      <source>第一行的内容</source>
      <translation>First row's value</translation>
    </message>
    <message>
      <source>行号</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>列</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>问题</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>这是本程序导出的档案工作簿：案件将按原案件号、当事人和时间线恢复，无需对应各列。</source>
      <translation>This is an archive workbook exported by this program: cases are restored with their case numbers, parties and timelines; no column mapping is needed.</translation>
    </message>
    <message>
      <source>保存检查报告</source>
      <translation>Save check report</translation>
    </message>
    <message>
      <source>导入检查报告.xlsx</source>
      <translation>import-check-report.xlsx</translation>
    </message>
    <message>
      <source>导入完成</source>
      <translation>Import complete</translation>
    </message>
    <message>
      <source>未能导入</source>
      <translation>Import failed</translation>
    </message>
    <message>
      <source>无法读取文件</source>
      <translation>Cannot read the file</translation>
    </message>
    <message>
      <source>请先点“检查”：逐行核对，发现问题时不会导入任何案件。</source>
      <translation>Click "Check" first: every row is checked, and nothing is imported while problems remain.</translation>
    </message>
    <message>
      <source>未能保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <source>已导入 %1 件案件。</source>
      <translation>Imported %1 cases.</translation>
    </message>
  </context>
  <context>
    <name>intake</name>
    <message>
      <source>保存 (Ctrl+S)</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <source>取消 (Esc)</source>
      <translation>Cancel (Esc)</translation>
    </message>
    <message>
      <source>带 * 的为必填项。Tab 键逐项填写，Ctrl+S 保存，Esc 取消。</source>
      <translation>Fields marked * are required. Tab moves to the next field, Ctrl+S saves, Esc cancels.</translation>
    </message>
    <message>
      <source>经办人(&amp;J)</source>
      <translation>Handler (&amp;J)</translation>
    </message>
    <message>
      <source>按投诉类别的分工和各人在办件数建议</source>
      <translation>proposed from the category's team and each person's open cases</translation>
    </message>
    <message>
      <source>可能相关的案件（查重）</source>
      <translation>Possibly related cases (duplicate check)</translation>
    </message>
    <message>
      <source>设为前次投诉(&amp;L)</source>
      <translation>&amp;Link as the earlier complaint</translation>
    </message>
    <message>
      <source>接机登记</source>
      <translation>Device intake</translation>
    </message>
    <message>
      <source>登记投诉</source>
      <translation>Register a complaint</translation>
    </message>
    <message>
      <source>；如选择其他等级，请在“改变建议等级的理由”中写明</source>
      <translation>; to choose another grade, give the reason under "Reason for changing the proposed grade"</translation>
    </message>
    <message>
      <source>放弃登记？</source>
      <translation>Discard this complaint?</translation>
    </message>
    <message>
      <source>表中已填写的内容尚未保存，确定放弃吗？</source>
      <translation>What has been filled in is not saved. Discard it?</translation>
    </message>
    <message>
      <source>（%1）</source>
      <translation> (%1)</translation>
    </message>
    <message>
      <source>未能保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <source>投诉未保存，已填内容仍在表中。

</source>
      <translation>The complaint was not saved; what you filled in is still in the form.

</translation>
    </message>
    <message>
      <source>保存失败：</source>
      <translation>Saving failed: </translation>
    </message>
    <message>
      <source>投诉未保存（数据库出错），已填内容仍在表中，可稍后再保存。

</source>
      <translation>The complaint was not saved (database error); what you filled in is still in the form and can be saved later.

</translation>
    </message>
    <message>
      <source>建议等级：%1</source>
      <translation>Proposed grade: %1</translation>
    </message>
    <message>
      <source>有 %1 处需要更正，见各栏下方的红字说明。</source>
      <translation>%1 fields need correcting; see the red notes under them.</translation>
    </message>
  </context>
  <context>
    <name>main</name>
    <message>
      <source>投诉调解工作台</source>
      <translation>ComplaintDesk</translation>
    </message>
    <message>
      <source>本机数据库文件（SQLite）…</source>
      <translation>Database file on this computer (SQLite)…</translation>
    </message>
    <message>
      <source>共享数据库（PostgreSQL 地址）…</source>
      <translation>Shared database (PostgreSQL address)…</translation>
    </message>
    <message>
      <source>打开数据库</source>
      <translation>Open database</translation>
    </message>
    <message>
      <source>数据库类型：</source>
      <translation>Database type:</translation>
    </message>
    <message>
      <source>出错了</source>
      <translation>Something went wrong</translation>
    </message>
    <message>
      <source>选择或新建数据库文件</source>
      <translation>Choose or create a database file</translation>
    </message>
    <message>
      <source>数据库 (*.db *.sqlite)</source>
      <translation>Databases (*.db *.sqlite)</translation>
    </message>
    <message>
      <source>共享数据库</source>
      <translation>Shared database</translation>
    </message>
    <message>
      <source>地址，如 postgresql://用户@主机:5432/库名：</source>
      <translation>Address, e.g. postgresql://user@host:5432/database:</translation>
    </message>
    <message>
      <source>程序遇到意外错误，已记入日志：
</source>
      <translation>The program met an unexpected error; it was written to the log:
</translation>
    </message>
    <message>
      <source>每日备份失败：</source>
      <translation>Daily backup failed: </translation>
    </message>
    <message>
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <source>每日备份已完成：</source>
      <translation>Daily backup done: </translation>
    </message>
  </context>
  <context>
    <name>main_window</name>
    <message>
      <source>投诉调解工作台</source>
      <translation>ComplaintDesk</translation>
    </message>
    <message>
      <source>案件登记簿</source>
      <translation>Case register</translation>
    </message>
    <message>
      <source>我的待办</source>
      <translation>My tasks</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>登记投诉(&amp;N)…</source>
      <translation>&amp;New complaint…</translation>
    </message>
    <message>
      <source>打开数据库(&amp;O)…</source>
      <translation>&amp;Open database…</translation>
    </message>
    <message>
      <source>导出登记簿为 Excel(&amp;E)…</source>
      <translation>&amp;Export register to Excel…</translation>
    </message>
    <message>
      <source>导出完整档案(&amp;A)…</source>
      <translation>Export full &amp;archive…</translation>
    </message>
    <message>
      <source>导出档案包（ZIP）(&amp;K)…</source>
      <translation>Export archive pac&amp;kage (ZIP)…</translation>
    </message>
    <message>
      <source>月度统计(&amp;M)…</source>
      <translation>&amp;Monthly statistics…</translation>
    </message>
    <message>
      <source>批量打印文书(&amp;B)…</source>
      <translation>&amp;Batch print documents…</translation>
    </message>
    <message>
      <source>导入旧登记簿或档案(&amp;I)…</source>
      <translation>&amp;Import old register or archive…</translation>
    </message>
    <message>
      <source>退出(&amp;X)</source>
      <translation>E&amp;xit</translation>
    </message>
    <message>
      <source>案件(&amp;C)</source>
      <translation>&amp;Case</translation>
    </message>
    <message>
      <source>案件登记簿(&amp;R)</source>
      <translation>Case &amp;register</translation>
    </message>
    <message>
      <source>我的待办(&amp;M)</source>
      <translation>&amp;My tasks</translation>
    </message>
    <message>
      <source>统计(&amp;T)</source>
      <translation>S&amp;tatistics</translation>
    </message>
    <message>
      <source>工作量(&amp;L)…</source>
      <translation>Work&amp;load…</translation>
    </message>
    <message>
      <source>查找(&amp;F)</source>
      <translation>&amp;Find</translation>
    </message>
    <message>
      <source>刷新登记簿(&amp;U)</source>
      <translation>&amp;Update register</translation>
    </message>
    <message>
      <source>关闭案件页(&amp;W)</source>
      <translation>Close case tab (&amp;W)</translation>
    </message>
    <message>
      <source>设置(&amp;S)</source>
      <translation>&amp;Settings</translation>
    </message>
    <message>
      <source>工作日历(&amp;C)…</source>
      <translation>Working-day &amp;calendar…</translation>
    </message>
    <message>
      <source>办公室设置(&amp;O)…</source>
      <translation>&amp;Office settings…</translation>
    </message>
    <message>
      <source>清理已移除的证据(&amp;P)…</source>
      <translation>&amp;Purge removed evidence…</translation>
    </message>
    <message>
      <source>审计记录(&amp;U)…</source>
      <translation>A&amp;udit trail…</translation>
    </message>
    <message>
      <source>用户(&amp;Y)…</source>
      <translation>User accounts (&amp;Y)…</translation>
    </message>
    <message>
      <source>界面语言(&amp;L)</source>
      <translation>Interface &amp;language</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>关于(&amp;A)</source>
      <translation>&amp;About</translation>
    </message>
    <message>
      <source>常用</source>
      <translation>Common</translation>
    </message>
    <message>
      <source>导出登记簿</source>
      <translation>Export register</translation>
    </message>
    <message>
      <source>案件登记簿.xlsx</source>
      <translation>case-register.xlsx</translation>
    </message>
    <message>
      <source>导出完整档案</source>
      <translation>Export full archive</translation>
    </message>
    <message>
      <source>案件档案.xlsx</source>
      <translation>case-archive.xlsx</translation>
    </message>
    <message>
      <source>导出档案包</source>
      <translation>Export archive package</translation>
    </message>
    <message>
      <source>月度统计</source>
      <translation>Monthly statistics</translation>
    </message>
    <message>
      <source>清理已移除的证据</source>
      <translation>Purge removed evidence</translation>
    </message>
    <message>
      <source>关于投诉调解工作台</source>
      <translation>About ComplaintDesk</translation>
    </message>
    <message>
      <source>督办(&amp;V)</source>
      <translation>Super&amp;vision</translation>
    </message>
    <message>
      <source>数据库：</source>
      <translation>Database: </translation>
    </message>
    <message>
      <source>统计</source>
      <translation>Statistics</translation>
    </message>
    <message>
      <source>案件档案包.zip</source>
      <translation>case-archive-package.zip</translation>
    </message>
    <message>
      <source>登记月份：</source>
      <translation>Month registered:</translation>
    </message>
    <message>
      <source>未能导出</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>接机登记(&amp;N)…</source>
      <translation>&amp;New device intake…</translation>
    </message>
    <message>
      <source>投诉统计-%1.xlsx</source>
      <translation>complaint-statistics-%1.xlsx</translation>
    </message>
    <message>
      <source>将永久删除 %1 天前已移除的证据文件（仍被其他案件使用的文件保留）。继续吗？</source>
      <translation>Evidence files removed more than %1 days ago will be deleted for good (files still used by other cases are kept). Continue?</translation>
    </message>
    <message>
      <source>督办 %1 件</source>
      <translation>%1 to supervise</translation>
    </message>
    <message>
      <source>已登记 %1</source>
      <translation>Registered %1</translation>
    </message>
    <message>
      <source>投诉调解工作台 ComplaintDesk %1
消费投诉与售后纠纷的登记、调解与归档。</source>
      <translation>ComplaintDesk %1
Registering, mediating and archiving consumer complaints and after-sales disputes.</translation>
    </message>
    <message>
      <source>已删除 %1 个文件。</source>
      <translation>Deleted %1 files.</translation>
    </message>
    <message>
      <source>经办人：%1</source>
      <translation>Handler: %1</translation>
    </message>
    <message>
      <source>登录：%1（%2）</source>
      <translation>Signed in: %1 (%2)</translation>
    </message>
    <message>
      <source>已导出 %1 件案件到 %2</source>
      <translation>Exported %1 cases to %2</translation>
    </message>
  </context>
  <context>
    <name>office_settings</name>
    <message>
      <source>办公室设置</source>
      <translation>Office settings</translation>
    </message>
    <message>
      <source>办公室类型(&amp;P)</source>
      <translation>Office &amp;type</translation>
    </message>
    <message>
      <source>按办公时间计的小时期限（如 D7 首次联系）只在工作日的这段时间内计时</source>
      <translation>Hour deadlines that count office hours (such as D7, first contact) run only in these hours on working days</translation>
    </message>
    <message>
      <source>办公时间(&amp;O)</source>
      <translation>&amp;Office hours</translation>
    </message>
    <message>
      <source>流程与期限(&amp;R)</source>
      <translation>&amp;Rules and deadlines</translation>
    </message>
    <message>
      <source>分工与提醒(&amp;W)</source>
      <translation>&amp;Work and reminders</translation>
    </message>
    <message>
      <source>文书抬头(&amp;L)</source>
      <translation>&amp;Letterhead</translation>
    </message>
    <message>
      <source>文书模板(&amp;T)</source>
      <translation>Document &amp;templates</translation>
    </message>
    <message>
      <source>文号格式(&amp;N)</source>
      <translation>Document &amp;numbers</translation>
    </message>
    <message>
      <source>不提醒</source>
      <translation>No reminder</translation>
    </message>
    <message>
      <source>办结后回访</source>
      <translation>Follow up after closing</translation>
    </message>
    <message>
      <source>在文书落款处加盖印章图片</source>
      <translation>Place the seal image at the signature</translation>
    </message>
    <message>
      <source>文书语言(&amp;G)</source>
      <translation>Document lan&amp;guage</translation>
    </message>
    <message>
      <source>恢复默认文字(&amp;D)</source>
      <translation>Restore &amp;default wording</translation>
    </message>
    <message>
      <source>欢迎使用投诉调解工作台。请先选择本办公室的类型：它决定案件流程、法定期限和文书。</source>
      <translation>Welcome to ComplaintDesk. First choose what kind of office this is: it sets the case workflow, the statutory deadlines and the documents.</translation>
    </message>
    <message>
      <source>个工作日</source>
      <translation>working days</translation>
    </message>
    <message>
      <source>各类投诉由谁经办（用顿号或逗号分隔；留空为全部经办人）。登记时建议其中在办件数最少的人。</source>
      <translation>Who handles each category of complaint (names separated by commas; empty: every handler). Intake proposes the one with the fewest open cases.</translation>
    </message>
    <message>
      <source>办公室名称（抬头）</source>
      <translation>Office name (letterhead)</translation>
    </message>
    <message>
      <source>文号简称，如 西消</source>
      <translation>Short name for numbers, e.g. WCA</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>徽标图片</source>
      <translation>Logo image</translation>
    </message>
    <message>
      <source>印章图片</source>
      <translation>Seal image</translation>
    </message>
    <message>
      <source>正文字体（仿宋_GB2312 等）</source>
      <translation>Body font (FangSong_GB2312 etc.)</translation>
    </message>
    <message>
      <source>标题字体（方正小标宋 等）</source>
      <translation>Title font (FZ XiaoBiaoSong etc.)</translation>
    </message>
    <message>
      <source>未设置</source>
      <translation>Not set</translation>
    </message>
    <message>
      <source>未设置：用随附的宋体</source>
      <translation>Not set: the shipped Song font</translation>
    </message>
    <message>
      <source>选择…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>移除</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>可用的填入项：</source>
      <translation>Placeholders you can use: </translation>
    </message>
    <message>
      <source>{office} 文号简称　{abbr} 文书简称　{year} 年份　{n} 序号（每类文书每年从 1 起）</source>
      <translation>{office} office short name   {abbr} document short name   {year} year   {n} sequence (each kind starts from 1 every year)</translation>
    </message>
    <message>
      <source>办公小时</source>
      <translation>office hours</translation>
    </message>
    <message>
      <source>已设置</source>
      <translation>Set</translation>
    </message>
    <message>
      <source>选择字体文件</source>
      <translation>Choose a font file</translation>
    </message>
    <message>
      <source>TrueType 字体 (*.ttf *.ttc)</source>
      <translation>TrueType fonts (*.ttf *.ttc)</translation>
    </message>
    <message>
      <source>选择图片</source>
      <translation>Choose image</translation>
    </message>
    <message>
      <source>图片 (*.png *.jpg *.jpeg)</source>
      <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>%1案件首次联系</source>
      <translation>First contact, %1 complaints</translation>
    </message>
    <message>
      <source>可选：</source>
      <translation>Available: </translation>
    </message>
  </context>
  <context>
    <name>pdf_view</name>
    <message>
      <source>正在打印…</source>
      <translation>Printing…</translation>
    </message>
    <message>
      <source>未能打印</source>
      <translation>Not printed</translation>
    </message>
    <message>
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <source>另存为 PDF</source>
      <translation>Save as PDF</translation>
    </message>
    <message>
      <source>打印(&amp;P)…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <source>另存为 PDF(&amp;A)…</source>
      <translation>S&amp;ave as PDF…</translation>
    </message>
    <message>
      <source>未能保存</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <source>批量打印（%1 份）</source>
      <translation>Batch print (%1 documents)</translation>
    </message>
    <message>
      <source>打印机的不可打印边距为 %1 毫米，大于文书的页边距 %2 毫米：页边的文字可能印不出来</source>
      <translation>The printer cannot print within %1 mm of the edge, more than the documents' margin of %2 mm: text near the edge may not print</translation>
    </message>
  </context>
  <context>
    <name>placeholders</name>
    <message>
      <source>案件号</source>
      <translation>case_no</translation>
    </message>
    <message>
      <source>查询码</source>
      <translation>query_code</translation>
    </message>
    <message>
      <source>登记日期</source>
      <translation>registered_on</translation>
    </message>
    <message>
      <source>投诉人</source>
      <translation>complainant</translation>
    </message>
    <message>
      <source>投诉人电话</source>
      <translation>complainant_phone</translation>
    </message>
    <message>
      <source>投诉人地址</source>
      <translation>complainant_address</translation>
    </message>
    <message>
      <source>代理人</source>
      <translation>agent</translation>
    </message>
    <message>
      <source>经营者</source>
      <translation>business</translation>
    </message>
    <message>
      <source>经营者地址</source>
      <translation>business_address</translation>
    </message>
    <message>
      <source>统一社会信用代码</source>
      <translation>credit_code</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>product</translation>
    </message>
    <message>
      <source>品牌型号</source>
      <translation>brand_model</translation>
    </message>
    <message>
      <source>序列号</source>
      <translation>serial</translation>
    </message>
    <message>
      <source>购买日期</source>
      <translation>purchase_date</translation>
    </message>
    <message>
      <source>购买金额</source>
      <translation>price</translation>
    </message>
    <message>
      <source>投诉事实</source>
      <translation>facts</translation>
    </message>
    <message>
      <source>投诉请求</source>
      <translation>demands</translation>
    </message>
    <message>
      <source>请求金额</source>
      <translation>amount_claimed</translation>
    </message>
    <message>
      <source>经办人</source>
      <translation>handler</translation>
    </message>
    <message>
      <source>调解员</source>
      <translation>mediator</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>reason</translation>
    </message>
    <message>
      <source>理由依据</source>
      <translation>legal_basis</translation>
    </message>
    <message>
      <source>转办机构</source>
      <translation>forwarded_to</translation>
    </message>
    <message>
      <source>转办日期</source>
      <translation>forwarded_on</translation>
    </message>
    <message>
      <source>移送材料</source>
      <translation>attachments</translation>
    </message>
    <message>
      <source>办公室</source>
      <translation>office</translation>
    </message>
    <message>
      <source>办公室地址</source>
      <translation>office_address</translation>
    </message>
    <message>
      <source>办公室电话</source>
      <translation>office_phone</translation>
    </message>
    <message>
      <source>文书日期</source>
      <translation>document_date</translation>
    </message>
    <message>
      <source>调解结果</source>
      <translation>mediation_outcome</translation>
    </message>
    <message>
      <source>调解时间</source>
      <translation>mediation_date</translation>
    </message>
    <message>
      <source>调解方式</source>
      <translation>mediation_means</translation>
    </message>
    <message>
      <source>补救措施</source>
      <translation>remedy</translation>
    </message>
    <message>
      <source>检测结论</source>
      <translation>findings</translation>
    </message>
    <message>
      <source>调查经过</source>
      <translation>inquiry_checked</translation>
    </message>
    <message>
      <source>调查原因</source>
      <translation>inquiry_cause</translation>
    </message>
    <message>
      <source>调查情况</source>
      <translation>inquiry</translation>
    </message>
    <message>
      <source>协议条款</source>
      <translation>terms</translation>
    </message>
    <message>
      <source>调解地点</source>
      <translation>mediation_place</translation>
    </message>
    <message>
      <source>拟调解时间</source>
      <translation>session_time</translation>
    </message>
    <message>
      <source>拟调解地点</source>
      <translation>session_place</translation>
    </message>
    <message>
      <source>拟调解方式</source>
      <translation>session_means</translation>
    </message>
    <message>
      <source>参加人员</source>
      <translation>summoned</translation>
    </message>
    <message>
      <source>携带材料</source>
      <translation>to_bring</translation>
    </message>
    <message>
      <source>回访日期</source>
      <translation>follow_up_date</translation>
    </message>
    <message>
      <source>回访方式</source>
      <translation>follow_up_method</translation>
    </message>
    <message>
      <source>满意度</source>
      <translation>satisfaction</translation>
    </message>
    <message>
      <source>回访备注</source>
      <translation>follow_up_remarks</translation>
    </message>
    <message>
      <source>经营者电话</source>
      <translation>business_phone</translation>
    </message>
    <message>
      <source>购买渠道</source>
      <translation>purchase_channel</translation>
    </message>
    <message>
      <source>订单号</source>
      <translation>order_no</translation>
    </message>
    <message>
      <source>受理渠道</source>
      <translation>received_by</translation>
    </message>
    <message>
      <source>投诉类别</source>
      <translation>category</translation>
    </message>
    <message>
      <source>等级</source>
      <translation>grade</translation>
    </message>
    <message>
      <source>处理结果</source>
      <translation>outcome</translation>
    </message>
    <message>
      <source>商品类别</source>
      <translation>product_class</translation>
    </message>
    <message>
      <source>故障类型</source>
      <translation>fault_kind</translation>
    </message>
    <message>
      <source>故障部位</source>
      <translation>fault</translation>
    </message>
    <message>
      <source>随机附件</source>
      <translation>accessories</translation>
    </message>
    <message>
      <source>外观</source>
      <translation>appearance</translation>
    </message>
    <message>
      <source>报价</source>
      <translation>quote</translation>
    </message>
    <message>
      <source>预计完成</source>
      <translation>expected_on</translation>
    </message>
    <message>
      <source>三包建议</source>
      <translation>warranty_advice</translation>
    </message>
    <message>
      <source>可主张金额</source>
      <translation>amounts</translation>
    </message>
    <message>
      <source>维修记录</source>
      <translation>repairs</translation>
    </message>
    <message>
      <source>更换配件</source>
      <translation>parts_replaced</translation>
    </message>
    <message>
      <source>维修人员</source>
      <translation>technician</translation>
    </message>
    <message>
      <source>处理方式</source>
      <translation>remedy_chosen</translation>
    </message>
    <message>
      <source>三包有效期</source>
      <translation>warranty</translation>
    </message>
    <message>
      <source>新机序列号</source>
      <translation>new_serial</translation>
    </message>
    <message>
      <source>取机时间</source>
      <translation>picked_up_at</translation>
    </message>
  </context>
  <context>
    <name>records</name>
    <message>
      <source>安排调解(&amp;T)…</source>
      <translation>Schedule media&amp;tion…</translation>
    </message>
    <message>
      <source>登记结果 / 鉴定结束 / 已履行…</source>
      <translation>Record outcome / appraisal end / performed…</translation>
    </message>
    <message>
      <source>调解改期…</source>
      <translation>Move the session…</translation>
    </message>
    <message>
      <source>安排调解</source>
      <translation>Schedule a mediation session</translation>
    </message>
    <message>
      <source>投诉人、被投诉经营者</source>
      <translation>the complainant and the business</translation>
    </message>
    <message>
      <source>身份证明、购物凭证及相关证据</source>
      <translation>proof of identity, proof of purchase and other evidence</translation>
    </message>
    <message>
      <source>调解改期</source>
      <translation>Move the session</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>修毕 / 鉴定结束 / 回访…</source>
      <translation>Finished / appraisal ended / follow-up…</translation>
    </message>
    <message>
      <source>添加</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>登记调解结果</source>
      <translation>Record what happened at the session</translation>
    </message>
    <message>
      <source>登记鉴定结束</source>
      <translation>Record end of appraisal</translation>
    </message>
    <message>
      <source>维修修毕</source>
      <translation>Repair finished</translation>
    </message>
    <message>
      <source>标记已履行</source>
      <translation>Mark as fulfilled</translation>
    </message>
    <message>
      <source>结束日期</source>
      <translation>End date</translation>
    </message>
    <message>
      <source>结论</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>履行日期</source>
      <translation>Fulfilled on</translation>
    </message>
  </context>
  <context>
    <name>register</name>
    <message>
      <source>不限</source>
      <translation>Any</translation>
    </message>
    <message>
      <source>最近的期限</source>
      <translation>Next deadline</translation>
    </message>
    <message>
      <source>；该年度放假安排尚未公布，期限为暂定</source>
      <translation>; that year's holiday schedule is not yet published, so the deadline is provisional</translation>
    </message>
    <message>
      <source>搜索事实、姓名、经营者、商品、案件号（Ctrl+F）</source>
      <translation>Search facts, names, businesses, products, case numbers (Ctrl+F)</translation>
    </message>
    <message>
      <source>全部状态</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>全部类别</source>
      <translation>All categories</translation>
    </message>
    <message>
      <source>全部等级</source>
      <translation>All grades</translation>
    </message>
    <message>
      <source>清除统计筛选(&amp;X)</source>
      <translation>Clear statistics filter (&amp;X)</translation>
    </message>
    <message>
      <source>状态(&amp;S)</source>
      <translation>&amp;Status</translation>
    </message>
    <message>
      <source>类别(&amp;T)</source>
      <translation>Ca&amp;tegory</translation>
    </message>
    <message>
      <source>等级(&amp;J)</source>
      <translation>Grade (&amp;J)</translation>
    </message>
    <message>
      <source>收到日期从(&amp;D)</source>
      <translation>Received from (&amp;D)</translation>
    </message>
    <message>
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <source>（暂定）</source>
      <translation> (provisional)</translation>
    </message>
    <message>
      <source>已超期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>两个工作日内到期</source>
      <translation>Due within two working days</translation>
    </message>
    <message>
      <source>统计筛选：</source>
      <translation>Statistics filter: </translation>
    </message>
    <message>
      <source>共 %1 件</source>
      <translation>%1 cases</translation>
    </message>
  </context>
  <context>
    <name>sign_in</name>
    <message>
      <source>创建管理员</source>
      <translation>Create the administrator</translation>
    </message>
    <message>
      <source>这是这个数据库第一次使用：请为管理员设一个账户。管理员可以办理案件，也负责用户、办公室设置和工作日历；没有默认密码，请牢记你设的密码。</source>
      <translation>This database is being used for the first time: set up an account for the administrator. The administrator can handle cases and also looks after users, office settings and the working-day calendar. There is no default password; remember the one you set.</translation>
    </message>
    <message>
      <source>用户名(&amp;U)</source>
      <translation>&amp;User name</translation>
    </message>
    <message>
      <source>姓名(&amp;N)</source>
      <translation>Full &amp;name</translation>
    </message>
    <message>
      <source>密码(&amp;P)（至少 8 位）</source>
      <translation>&amp;Password (at least 8 characters)</translation>
    </message>
    <message>
      <source>再输入一次(&amp;A)</source>
      <translation>Enter it &amp;again</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <source>请登录投诉调解工作台。</source>
      <translation>Please sign in to ComplaintDesk.</translation>
    </message>
    <message>
      <source>密码(&amp;P)</source>
      <translation>&amp;Password</translation>
    </message>
    <message>
      <source>已锁定</source>
      <translation>Locked</translation>
    </message>
    <message>
      <source>密码不对</source>
      <translation>Wrong password</translation>
    </message>
    <message>
      <source>请输入密码</source>
      <translation>Enter the password</translation>
    </message>
    <message>
      <source>两次输入的密码不一致</source>
      <translation>The two passwords differ</translation>
    </message>
    <message>
      <source>请用本人的数据库账户登录 %1。</source>
      <translation>Sign in to %1 with your own database account.</translation>
    </message>
    <message>
      <source>窗口闲置已锁定，正在编辑的内容都还在。请 %1 输入密码继续。</source>
      <translation>The window was locked after being idle; everything you were editing is still there. %1, enter your password to continue.</translation>
    </message>
  </context>
  <context>
    <name>templates</name>
    <message>
      <source>{投诉人}：
您于{登记日期}向本机构提出的投诉已登记，案件号 {案件号}，查询码 {查询码}。请凭案件号和查询码查询办理进度。
投诉人：{投诉人}　电话：{投诉人电话}　地址：{投诉人地址}　代理人：{代理人}
被投诉经营者：{经营者}　地址：{经营者地址}　电话：{经营者电话}
商品或服务：{商品} {品牌型号}　序列号：{序列号}
购买日期：{购买日期}　金额：{购买金额}　渠道：{购买渠道}　订单号：{订单号}
投诉来源：{受理渠道}　类别：{投诉类别}　等级：{等级}
投诉事实：{投诉事实}
投诉请求：{投诉请求} {请求金额}
经办人：{经办人}　联系电话：{办公室电话}</source>
      <translation>{complainant}:
Your complaint made to this office on {registered_on} has been registered as case {case_no}, query code {query_code}. Use the case number and query code to follow its progress.
Complainant: {complainant}　Phone: {complainant_phone}　Address: {complainant_address}　Agent: {agent}
Business complained about: {business}　Address: {business_address}　Phone: {business_phone}
Product or service: {product} {brand_model}　Serial no.: {serial}
Purchased on: {purchase_date}　Amount: {price}　Channel: {purchase_channel}　Order no.: {order_no}
Received by: {received_by}　Category: {category}　Grade: {grade}
Facts: {facts}
Demands: {demands} {amount_claimed}
Handler: {handler}　Phone: {office_phone}</translation>
    </message>
    <message>
      <source>{投诉人}：
为办理您的投诉（案件号 {案件号}），请于收到本通知之日起五个工作日内提供有效身份证明（居民身份证或其他身份证件）的复印件。逾期未提供的，本机构将不予受理。</source>
      <translation>Dear {complainant},
To handle your complaint (case {case_no}), please provide a copy of a valid identity document (resident ID card or other ID) within five working days of receiving this notice. If none is provided in time, this office will not accept the complaint.</translation>
    </message>
    <message>
      <source>{投诉人}：
您于{登记日期}提出的关于{经营者}的投诉（案件号 {案件号}），经审查符合受理条件，本机构决定受理。
经办人：{经办人}，联系电话：{办公室电话}。</source>
      <translation>Dear {complainant},
Your complaint of {registered_on} about {business} (case {case_no}) meets the conditions for acceptance, and this office has decided to accept it.
Handled by: {handler}, phone: {office_phone}.</translation>
    </message>
    <message>
      <source>{投诉人}：
您于{登记日期}提出的关于{经营者}的投诉（案件号 {案件号}），经审查，因{理由}，{理由依据}本机构决定不予受理。
依照《中华人民共和国消费者权益保护法》第三十九条，您还可以通过下列途径解决争议：（一）与经营者协商和解；（二）请求消费者协会或者依法成立的其他调解组织调解；（三）向有关行政部门投诉；（四）根据与经营者达成的仲裁协议提请仲裁机构仲裁；（五）向人民法院提起诉讼。</source>
      <translation>{complainant}:
Having examined your complaint of {registered_on} about {business} (case {case_no}), this office has decided, {legal_basis}not to accept it because {reason}.
Under article 39 of the Consumer Rights Protection Law of the People's Republic of China you may still settle the dispute by: (1) negotiating a settlement with the business; (2) asking a consumer association or another lawfully established mediation organisation to mediate; (3) complaining to the competent administrative department; (4) arbitration under an arbitration agreement with the business; (5) a lawsuit at a people's court.</translation>
    </message>
    <message>
      <source>{投诉人}：
您于{登记日期}提出的投诉（案件号 {案件号}），本机构已于{转办日期}转送{转办机构}处理，随附{移送材料}。请与{转办机构}联系。</source>
      <translation>{complainant}:
Your complaint of {registered_on} (case {case_no}) was forwarded by this office on {forwarded_on} to {forwarded_to}, with {attachments}. Please contact {forwarded_to}.</translation>
    </message>
    <message>
      <source>{投诉人}、{经营者}：
本机构定于{拟调解时间}以{拟调解方式}方式（{拟调解地点}）就案件 {案件号} 组织调解，调解员 {调解员}。
请{参加人员}准时参加，并携带{携带材料}。
当事人认为调解员与本案有利害关系或者有其他关系可能影响公正调解的，可以在调解开始前申请回避。无正当理由不参加调解的，视为不同意调解，本机构将终止调解。</source>
      <translation>To {complainant} and {business}:
This office will hold a mediation in case {case_no} on {session_time}, {session_means} ({session_place}); the mediator is {mediator}.
{summoned} are asked to attend on time and to bring {to_bring}.
A party who believes the mediator has an interest in the case, or another relation that may affect a fair mediation, may ask before the session for the mediator to step aside. A party who does not attend without good reason is taken not to agree to mediation, and this office will end the mediation.</translation>
    </message>
    <message>
      <source>案件号：{案件号}
投诉人：{投诉人}　地址：{投诉人地址}　代理人：{代理人}
被投诉人：{经营者}　地址：{经营者地址}　统一社会信用代码：{统一社会信用代码}
一、投诉事实：{投诉事实}
二、投诉请求：{投诉请求} {请求金额}
三、经本机构主持调解，双方自愿达成如下协议：
{协议条款}
四、本协议经双方签字（盖章）后生效，双方应自觉履行。</source>
      <translation>Case no.: {case_no}
Complainant: {complainant}　Address: {complainant_address}　Agent: {agent}
Business: {business}　Address: {business_address}　Unified social credit code: {credit_code}
1. Facts: {facts}
2. Demands: {demands} {amount_claimed}
3. Through the mediation of this office the parties have freely agreed as follows:
{terms}
4. This agreement takes effect when signed (or sealed) by both parties, who shall perform it.</translation>
    </message>
    <message>
      <source>案件号：{案件号}
调解时间：{调解时间}　方式：{调解方式}　地点：{调解地点}
调解员：{调解员}
调解结果：{调解结果}</source>
      <translation>Case no.: {case_no}
Mediation date: {mediation_date}　Means: {mediation_means}　Place: {mediation_place}
Mediator: {mediator}
Outcome: {mediation_outcome}</translation>
    </message>
    <message>
      <source>{投诉人}、{经营者}：
关于案件 {案件号}，因{理由}，{理由依据}本机构决定终止调解。双方可以依法申请仲裁或者向人民法院提起诉讼。</source>
      <translation>To {complainant} and {business}:
In case {case_no}, this office has decided, {legal_basis}to terminate mediation, because: {reason}. Either party may, as the law provides, apply for arbitration or bring an action in a people's court.</translation>
    </message>
    <message>
      <source>{投诉人}：
关于您对{经营者}的投诉（案件号 {案件号}），经调查：{调查情况}
处理结果：{处理结果}
{协议条款}
如对处理结果有异议，可在收到本通知之日起十五日内申诉。</source>
      <translation>{complainant}:
Concerning your complaint about {business} (case {case_no}), the inquiry found: {inquiry}
Outcome: {outcome}
{terms}
If you disagree with the outcome you may appeal within fifteen days of receiving this notice.</translation>
    </message>
    <message>
      <source>案件号：{案件号}
投诉人：{投诉人}　被投诉人：{经营者}
回访日期：{回访日期}　方式：{回访方式}　满意度：{满意度}
回访情况：{回访备注}
回访人：{经办人}</source>
      <translation>Case no.: {case_no}
Complainant: {complainant}　Business: {business}
Follow-up date: {follow_up_date}　Method: {follow_up_method}　Satisfaction: {satisfaction}
What was said: {follow_up_remarks}
Followed up by: {handler}</translation>
    </message>
    <message>
      <source>单号：{案件号}　查询码：{查询码}
顾客：{投诉人}　电话：{投诉人电话}
商品：{商品} {品牌型号}　类别：{商品类别}
序列号/IMEI：{序列号}
购买日期：{购买日期}　购买金额：{购买金额}
故障现象：{投诉事实}
故障类型：{故障类型}　故障部位：{故障部位}
随机附件：{随机附件}
外观：{外观}
报价：{报价}　预计完成：{预计完成}
三包建议：{三包建议}
请凭本单和查询码取机。取机时请当面查验，签字即表示设备和附件已如数领回。</source>
      <translation>Order: {case_no}   Query code: {query_code}
Customer: {complainant}   Phone: {complainant_phone}
Product: {product} {brand_model}   Class: {product_class}
Serial/IMEI: {serial}
Bought on: {purchase_date}   Price: {price}
Fault: {facts}
Fault type: {fault_kind}   Part: {fault}
Accessories: {accessories}
Appearance: {appearance}
Quote: {quote}   Expected by: {expected_on}
Warranty advice: {warranty_advice}
Please collect the device with this receipt and its query code. Check it when you collect it: your signature confirms the device and its accessories were returned.</translation>
    </message>
    <message>
      <source>单号：{案件号}　查询码：{查询码}
顾客：{投诉人}　电话：{投诉人电话}
商品：{商品} {品牌型号}　序列号/IMEI：{序列号}
购买日期：{购买日期}　购买金额：{购买金额}
故障现象：{投诉事实}
检测结论：{检测结论}
维修记录：{维修记录}
更换配件：{更换配件}
三包建议：{三包建议}
处理方式：{处理方式}
可主张金额：{可主张金额}
三包有效期：{三包有效期}
新机序列号/IMEI：{新机序列号}
取机时间：{取机时间}
维修人员：{维修人员}
换货/退货专用章：</source>
      <translation>Order: {case_no}   Query code: {query_code}
Customer: {complainant}   Phone: {complainant_phone}
Product: {product} {brand_model}   Serial/IMEI: {serial}
Bought on: {purchase_date}   Price: {price}
Fault: {facts}
Diagnosis: {findings}
Repairs: {repairs}
Parts replaced: {parts_replaced}
Warranty advice: {warranty_advice}
Remedy: {remedy_chosen}
Amounts the customer may claim: {amounts}
Warranty: {warranty}
New device serial/IMEI: {new_serial}
Collected: {picked_up_at}
Technician: {technician}
Exchange/return stamp:</translation>
    </message>
    <message>
      <source>案件号：{案件号}　投诉人：{投诉人}　被投诉人：{经营者}</source>
      <translation>Case no.: {case_no}    Complainant: {complainant}    Respondent: {business}</translation>
    </message>
  </context>
  <context>
    <name>timeline</name>
    <message>
      <source>登记时当面/电话联系</source>
      <translation>contacted in person or by phone at registration</translation>
    </message>
    <message>
      <source>登记投诉</source>
      <translation>Complaint registered</translation>
    </message>
    <message>
      <source>同意</source>
      <translation>Consent</translation>
    </message>
    <message>
      <source>利害关系声明</source>
      <translation>Conflict-of-interest declaration</translation>
    </message>
    <message>
      <source>送达文书</source>
      <translation>Document delivered</translation>
    </message>
    <message>
      <source>期限重算</source>
      <translation>Deadline recalculated</translation>
    </message>
    <message>
      <source>记录</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>文书措辞</source>
      <translation>Wording</translation>
    </message>
    <message>
      <source>期限延长</source>
      <translation>Deadline extended</translation>
    </message>
    <message>
      <source>调解</source>
      <translation>mediation</translation>
    </message>
    <message>
      <source>移交其他机构调解</source>
      <translation>mediation by another body</translation>
    </message>
    <message>
      <source>本案的{title}改用修改后的措辞</source>
      <translation>{title} of this case uses changed wording</translation>
    </message>
    <message>
      <source>本案的{title}恢复使用办公室模板</source>
      <translation>{title} of this case uses the office template again</translation>
    </message>
    <message>
      <source>修改{name}：“{old}” → “{new}”</source>
      <translation>Changed {name}: "{old}" → "{new}"</translation>
    </message>
    <message>
      <source>状态：{old} → {new}</source>
      <translation>Status: {old} → {new}</translation>
    </message>
    <message>
      <source>：</source>
      <translation>: </translation>
    </message>
    <message>
      <source>添加证据：{kind}“{name}”（{supplier}提供，{size}，SHA-256 {sha}…）</source>
      <translation>Evidence added: {kind} "{name}" (supplied by {supplier}, {size}, SHA-256 {sha}…)</translation>
    </message>
    <message>
      <source>移除证据“{name}”：{reason}</source>
      <translation>Evidence "{name}" removed: {reason}</translation>
    </message>
    <message>
      <source>调解员 {name} 声明存在利害关系：{note}</source>
      <translation>Mediator {name} declared a conflict of interest: {note}</translation>
    </message>
    <message>
      <source>{number} 更正并取代 {old}</source>
      <translation>{number} corrects and replaces {old}</translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <source>{rule} 延长 {days} {unit}（经 {who} 于 {day} 批准）</source>
      <translation>{rule} extended by {days} {unit} (approved by {who} on {day})</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>{why}：{moves}</source>
      <translation>{why}: {moves}</translation>
    </message>
    <message>
      <source>安排调解：{when}，{mode}{place}</source>
      <translation>Mediation scheduled: {when}, {mode}{place}</translation>
    </message>
    <message>
      <source>调解改期：{old} → {new}（{reason}）</source>
      <translation>Mediation moved: {old} → {new} ({reason})</translation>
    </message>
    <message>
      <source>检测鉴定结束（{body}）：{result}</source>
      <translation>Appraisal finished ({body}): {result}</translation>
    </message>
    <message>
      <source>维修修毕（{day}）：{result}</source>
      <translation>Repair finished ({day}): {result}</translation>
    </message>
    <message>
      <source>已履行：{remedy}（{day}）</source>
      <translation>Performed: {remedy} ({day})</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>（理由 {code}：{text}）</source>
      <translation> (reason {code}: {text})</translation>
    </message>
    <message>
      <source>（转送 {office}，{day}）</source>
      <translation> (forwarded to {office}, {day})</translation>
    </message>
    <message>
      <source>（不在三包建议之内，理由：{reason}）</source>
      <translation> (outside the warranty advice, reason: {reason})</translation>
    </message>
    <message>
      <source>（新机序列号/IMEI {serial}）</source>
      <translation> (new device serial/IMEI {serial})</translation>
    </message>
    <message>
      <source>{who}同意{what}</source>
      <translation>{who} agrees to {what}</translation>
    </message>
    <message>
      <source>（{rule}）</source>
      <translation> ({rule})</translation>
    </message>
    <message>
      <source>（{note}）</source>
      <translation> ({note})</translation>
    </message>
    <message>
      <source>{rule} 由 {old} 改为 {new}</source>
      <translation>{rule} moved from {old} to {new}</translation>
    </message>
  </context>
  <context>
    <name>users_dialog</name>
    <message>
      <source>用户</source>
      <translation>Users</translation>
    </message>
    <message>
      <source>停用所选(&amp;D)</source>
      <translation>&amp;Deactivate selected</translation>
    </message>
    <message>
      <source>本机启动时自动登录所选账户（单人柜台）</source>
      <translation>Sign the selected account in automatically on this computer (one-person counter)</translation>
    </message>
    <message>
      <source>添加用户</source>
      <translation>Add user</translation>
    </message>
    <message>
      <source>添加(&amp;A)</source>
      <translation>&amp;Add</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>用户名(&amp;U)</source>
      <translation>&amp;User name</translation>
    </message>
    <message>
      <source>姓名(&amp;N)</source>
      <translation>Full &amp;name</translation>
    </message>
    <message>
      <source>角色(&amp;R)</source>
      <translation>&amp;Role</translation>
    </message>
    <message>
      <source>初始密码(&amp;P)</source>
      <translation>Initial &amp;password</translation>
    </message>
    <message>
      <source>停用</source>
      <translation>Deactivated</translation>
    </message>
    <message>
      <source>请先选一个用户</source>
      <translation>Select a user first</translation>
    </message>
    <message>
      <source>锁定中</source>
      <translation>Locked</translation>
    </message>
    <message>
      <source>自动登录</source>
      <translation>Automatic sign-in</translation>
    </message>
    <message>
      <source>已添加 %1</source>
      <translation>Added %1</translation>
    </message>
    <message>
      <source>请先选一个账户</source>
      <translation>Select an account first</translation>
    </message>
  </context>
  <context>
    <name>vocab</name>
    <message>
      <source>1 非常不满意</source>
      <translation>1 very dissatisfied</translation>
    </message>
    <message>
      <source>12315 编号</source>
      <translation>12315 number</translation>
    </message>
    <message>
      <source>12315 转来</source>
      <translation>Referred by 12315</translation>
    </message>
    <message>
      <source>18 位，知道时填写</source>
      <translation>18 characters, if known</translation>
    </message>
    <message>
      <source>2 不满意</source>
      <translation>2 dissatisfied</translation>
    </message>
    <message>
      <source>3 一般</source>
      <translation>3 neutral</translation>
    </message>
    <message>
      <source>4 满意</source>
      <translation>4 satisfied</translation>
    </message>
    <message>
      <source>5 非常满意</source>
      <translation>5 very satisfied</translation>
    </message>
    <message>
      <source>A3 迹象</source>
      <translation>A3 signs</translation>
    </message>
    <message>
      <source>ISO 10002；办公室设置（按办公时间计：工作日的办公时间内计时）</source>
      <translation>ISO 10002; office setting (counted in office hours on working days)</translation>
    </message>
    <message>
      <source>《市场监督管理投诉举报处理暂行办法》第二十二条</source>
      <translation>article 22 of the Interim Measures for Handling Complaints and Reports in Market Regulation</translation>
    </message>
    <message>
      <source>《市场监督管理投诉举报处理暂行办法》第十五条</source>
      <translation>article 15 of the Interim Measures for Handling Complaints and Reports in Market Regulation</translation>
    </message>
    <message>
      <source>一方当事人无正当理由不参加调解，或者拒绝调解</source>
      <translation>A party did not attend mediation without good reason, or refused mediation</translation>
    </message>
    <message>
      <source>一方当事人死亡或者终止</source>
      <translation>A party died or ceased to exist</translation>
    </message>
    <message>
      <source>一方当事人表示无法达成调解协议</source>
      <translation>A party stated that no mediation agreement can be reached</translation>
    </message>
    <message>
      <source>一般</source>
      <translation>Ordinary</translation>
    </message>
    <message>
      <source>七日无理由退货</source>
      <translation>Seven-day no-reason return</translation>
    </message>
    <message>
      <source>三包商品类别</source>
      <translation>Warranty product class</translation>
    </message>
    <message>
      <source>上次送修单号</source>
      <translation>Previous repair order no.</translation>
    </message>
    <message>
      <source>上门</source>
      <translation>On site</translation>
    </message>
    <message>
      <source>上门推销</source>
      <translation>Door-to-door sale</translation>
    </message>
    <message>
      <source>不予三包</source>
      <translation>Not covered by the three guarantees</translation>
    </message>
    <message>
      <source>不予受理</source>
      <translation>Not accepted</translation>
    </message>
    <message>
      <source>不予受理告知书</source>
      <translation>Notice of non-acceptance</translation>
    </message>
    <message>
      <source>不属于市场监督管理部门职责，或本部门无管辖权</source>
      <translation>Not within market regulation's remit, or this office has no jurisdiction</translation>
    </message>
    <message>
      <source>不开机/自动重启</source>
      <translation>No power / restarts</translation>
    </message>
    <message>
      <source>不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议</source>
      <translation>The goods or services were not bought or used for personal consumption, or no consumer dispute with the business can be shown</translation>
    </message>
    <message>
      <source>与投诉人首次联系</source>
      <translation>First contact with the complainant</translation>
    </message>
    <message>
      <source>两个工作日内到期</source>
      <translation>Due within two working days</translation>
    </message>
    <message>
      <source>个人之间私下交易的纠纷</source>
      <translation>Dispute over a private sale between individuals</translation>
    </message>
    <message>
      <source>个工作日</source>
      <translation> working days</translation>
    </message>
    <message>
      <source>个月</source>
      <translation>months</translation>
    </message>
    <message>
      <source>中止：检测鉴定</source>
      <translation>Suspended: testing or appraisal</translation>
    </message>
    <message>
      <source>中止：申请回避</source>
      <translation>Suspended: recusal requested</translation>
    </message>
    <message>
      <source>中毒</source>
      <translation>poisoning</translation>
    </message>
    <message>
      <source>中秋节</source>
      <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
      <source>主板、显示屏</source>
      <translation>mainboard, display</translation>
    </message>
    <message>
      <source>主板、硬盘、显示屏</source>
      <translation>mainboard, hard disk, display</translation>
    </message>
    <message>
      <source>主管</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <source>事项</source>
      <translation>Matter</translation>
    </message>
    <message>
      <source>交付顾客</source>
      <translation>Hand over to the customer</translation>
    </message>
    <message>
      <source>产品缺陷</source>
      <translation>Product defect</translation>
    </message>
    <message>
      <source>产品质量</source>
      <translation>Product quality</translation>
    </message>
    <message>
      <source>仅在需核实身份时登记</source>
      <translation>Only when identity must be verified</translation>
    </message>
    <message>
      <source>代理人</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>代理人已出具授权委托书</source>
      <translation>The agent has produced a power of attorney</translation>
    </message>
    <message>
      <source>代理人电话</source>
      <translation>Agent's phone</translation>
    </message>
    <message>
      <source>代送修人</source>
      <translation>Brought in by</translation>
    </message>
    <message>
      <source>代送修人电话</source>
      <translation>Their phone</translation>
    </message>
    <message>
      <source>伤害</source>
      <translation>harm</translation>
    </message>
    <message>
      <source>住院</source>
      <translation>in hospital</translation>
    </message>
    <message>
      <source>使用不当</source>
      <translation>Misuse</translation>
    </message>
    <message>
      <source>保内免费填 0</source>
      <translation>0 when free under warranty</translation>
    </message>
    <message>
      <source>信件、12315 或其他机关转来的：填本机构收到的日期（可加时间）；当场登记的留空</source>
      <translation>For a letter or a complaint forwarded by 12315 or another office: the date this office received it (a time may follow); leave empty for one registered as it comes in</translation>
    </message>
    <message>
      <source>信函</source>
      <translation>Letter</translation>
    </message>
    <message>
      <source>信号/网络</source>
      <translation>Signal / network</translation>
    </message>
    <message>
      <source>修改字段</source>
      <translation>Field changed</translation>
    </message>
    <message>
      <source>修改案件</source>
      <translation>Edit cases</translation>
    </message>
    <message>
      <source>修毕日期</source>
      <translation>Finished on</translation>
    </message>
    <message>
      <source>修理</source>
      <translation>Repair</translation>
    </message>
    <message>
      <source>停用用户</source>
      <translation>User deactivated</translation>
    </message>
    <message>
      <source>儿童</source>
      <translation>children</translation>
    </message>
    <message>
      <source>元旦</source>
      <translation>New Year's Day</translation>
    </message>
    <message>
      <source>充电器</source>
      <translation>Charger</translation>
    </message>
    <message>
      <source>免费修理</source>
      <translation>Free repair</translation>
    </message>
    <message>
      <source>关联与收到时间</source>
      <translation>Links and time received</translation>
    </message>
    <message>
      <source>关联举报案件号</source>
      <translation>Linked report case no.</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>其他证件</source>
      <translation>Other ID document</translation>
    </message>
    <message>
      <source>其他（须写明）</source>
      <translation>Other (state which)</translation>
    </message>
    <message>
      <source>具体内容</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>内胆</source>
      <translation>tank</translation>
    </message>
    <message>
      <source>冒用他人身份，或者拒不配合身份核验</source>
      <translation>Used someone else's identity, or refused identity verification</translation>
    </message>
    <message>
      <source>冰柜</source>
      <translation>freezer</translation>
    </message>
    <message>
      <source>冰箱</source>
      <translation>Refrigerator</translation>
    </message>
    <message>
      <source>决定三包有效期</source>
      <translation>sets the warranty periods</translation>
    </message>
    <message>
      <source>决定不予受理或终止调解</source>
      <translation>Refuse cases or terminate mediation</translation>
    </message>
    <message>
      <source>决定是否受理</source>
      <translation>Decide on acceptance</translation>
    </message>
    <message>
      <source>决定是否受理并告知投诉人</source>
      <translation>Decide on acceptance and inform the complainant</translation>
    </message>
    <message>
      <source>出具文书</source>
      <translation>Issue document</translation>
    </message>
    <message>
      <source>分工设置</source>
      <translation>Teams set</translation>
    </message>
    <message>
      <source>利害关系声明</source>
      <translation>Conflict-of-interest declaration</translation>
    </message>
    <message>
      <source>制冷/制热</source>
      <translation>Cooling / heating</translation>
    </message>
    <message>
      <source>前次投诉案件号</source>
      <translation>Earlier complaint's case no.</translation>
    </message>
    <message>
      <source>办公室设置</source>
      <translation>Office settings</translation>
    </message>
    <message>
      <source>办公室设置（流程、期限、文书）</source>
      <translation>Office settings (workflow, deadlines, documents)</translation>
    </message>
    <message>
      <source>办理（变更状态）</source>
      <translation>Handle cases (change status)</translation>
    </message>
    <message>
      <source>办结</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>劳动节</source>
      <translation>Labour Day</translation>
    </message>
    <message>
      <source>医疗</source>
      <translation>medical</translation>
    </message>
    <message>
      <source>协议内容</source>
      <translation>Terms agreed</translation>
    </message>
    <message>
      <source>协议条款</source>
      <translation>Agreed terms</translation>
    </message>
    <message>
      <source>压缩机</source>
      <translation>compressor</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Cause</translation>
    </message>
    <message>
      <source>参加人员</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>双方分担</source>
      <translation>Shared by both parties</translation>
    </message>
    <message>
      <source>双方对检测、鉴定费用的承担无法达成一致</source>
      <translation>The parties cannot agree who pays for testing or appraisal</translation>
    </message>
    <message>
      <source>双方当事人</source>
      <translation>Both parties</translation>
    </message>
    <message>
      <source>发现故障日期</source>
      <translation>Fault found on</translation>
    </message>
    <message>
      <source>发现违法线索</source>
      <translation>Signs of a violation found</translation>
    </message>
    <message>
      <source>发票/收据</source>
      <translation>Invoice/receipt</translation>
    </message>
    <message>
      <source>发票日期</source>
      <translation>Invoice date</translation>
    </message>
    <message>
      <source>受伤</source>
      <translation>injured</translation>
    </message>
    <message>
      <source>受理</source>
      <translation>Accept</translation>
    </message>
    <message>
      <source>受理决定</source>
      <translation>Acceptance decision</translation>
    </message>
    <message>
      <source>受理后发现不予受理情形，或者发现投诉人涉嫌欺诈（已移送公安机关的应记录）</source>
      <translation>After acceptance, grounds for non-acceptance came to light, or the complainant is suspected of fraud (record any referral to the police)</translation>
    </message>
    <message>
      <source>受理渠道</source>
      <translation>Received via</translation>
    </message>
    <message>
      <source>受理通知书</source>
      <translation>Notice of acceptance</translation>
    </message>
    <message>
      <source>变质</source>
      <translation>spoiled</translation>
    </message>
    <message>
      <source>可取机</source>
      <translation>Ready for collection</translation>
    </message>
    <message>
      <source>可能重复</source>
      <translation>Likely repeat</translation>
    </message>
    <message>
      <source>台湾居民来往大陆通行证</source>
      <translation>Taiwan residents' mainland travel permit</translation>
    </message>
    <message>
      <source>合同</source>
      <translation>Contract</translation>
    </message>
    <message>
      <source>合同条款</source>
      <translation>Contract terms</translation>
    </message>
    <message>
      <source>同一纠纷已由人民法院、仲裁机构、其他行政机关或消费者协会受理或处理</source>
      <translation>The same dispute has been taken up or dealt with by a court, an arbitration body, another authority or a consumer association</translation>
    </message>
    <message>
      <source>同一部位再次故障按同一故障计</source>
      <translation>a fault of the same part again counts as the same fault</translation>
    </message>
    <message>
      <source>同意</source>
      <translation>Agrees</translation>
    </message>
    <message>
      <source>同意事项与关联</source>
      <translation>Consents and links</translation>
    </message>
    <message>
      <source>同意公开</source>
      <translation>Consents to publication</translation>
    </message>
    <message>
      <source>同意移交其他机构</source>
      <translation>Consents to referral to another body</translation>
    </message>
    <message>
      <source>同意调解</source>
      <translation>Consents to mediation</translation>
    </message>
    <message>
      <source>启用用户</source>
      <translation>User reactivated</translation>
    </message>
    <message>
      <source>吸油烟机</source>
      <translation>Range hood</translation>
    </message>
    <message>
      <source>吸油烟机（待核实）</source>
      <translation>Range hood (to be verified)</translation>
    </message>
    <message>
      <source>告知双方当事人终止调解</source>
      <translation>Tell both parties that mediation has ended</translation>
    </message>
    <message>
      <source>品牌</source>
      <translation>Brand</translation>
    </message>
    <message>
      <source>售后服务</source>
      <translation>After-sales service</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>商品已超过保修期</source>
      <translation>The product is out of warranty</translation>
    </message>
    <message>
      <source>商品或服务</source>
      <translation>Product or service</translation>
    </message>
    <message>
      <source>回访</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>回访日期</source>
      <translation>Follow-up date</translation>
    </message>
    <message>
      <source>回访记录</source>
      <translation>Follow-up record</translation>
    </message>
    <message>
      <source>回避中止</source>
      <translation>Suspended for recusal</translation>
    </message>
    <message>
      <source>因使用、维护、保管不当造成损坏</source>
      <translation>Damage caused by improper use, maintenance or storage</translation>
    </message>
    <message>
      <source>因使用不当或自行拆修造成损坏</source>
      <translation>Damage caused by misuse or by the owner's own repairs</translation>
    </message>
    <message>
      <source>国庆节</source>
      <translation>National Day</translation>
    </message>
    <message>
      <source>地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>地点或会议号</source>
      <translation>Place or meeting number</translation>
    </message>
    <message>
      <source>型号</source>
      <translation>Model</translation>
    </message>
    <message>
      <source>声音/通话/麦克风</source>
      <translation>Sound / calls / microphone</translation>
    </message>
    <message>
      <source>处理品、清仓商品已事先声明</source>
      <translation>Sold as clearance or reduced goods, declared in advance</translation>
    </message>
    <message>
      <source>处理方式</source>
      <translation>Remedy</translation>
    </message>
    <message>
      <source>处理结果通知书</source>
      <translation>Notice of outcome</translation>
    </message>
    <message>
      <source>备份</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>备份与恢复</source>
      <translation>Backup and restore</translation>
    </message>
    <message>
      <source>外观</source>
      <translation>Appearance</translation>
    </message>
    <message>
      <source>外观问题</source>
      <translation>Appearance</translation>
    </message>
    <message>
      <source>多名消费者</source>
      <translation>several consumers</translation>
    </message>
    <message>
      <source>奶粉</source>
      <translation>infant formula</translation>
    </message>
    <message>
      <source>如 09:30</source>
      <translation>e.g. 09:30</translation>
    </message>
    <message>
      <source>如 2026-03-05 或 2026年3月5日</source>
      <translation>e.g. 2026-03-05 or 2026/3/5</translation>
    </message>
    <message>
      <source>如 2026-12-03</source>
      <translation>e.g. 2026-12-03</translation>
    </message>
    <message>
      <source>如 充电器、数据线、包装盒</source>
      <translation>e.g. charger, cable, box</translation>
    </message>
    <message>
      <source>如 屏幕完好，背壳左上角划痕</source>
      <translation>e.g. screen intact, scratch on the back cover</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>婴幼儿</source>
      <translation>infants</translation>
    </message>
    <message>
      <source>媒体</source>
      <translation>media</translation>
    </message>
    <message>
      <source>安全问题</source>
      <translation>Safety</translation>
    </message>
    <message>
      <source>安装问题</source>
      <translation>Installation problem</translation>
    </message>
    <message>
      <source>完成情况</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>完成日期</source>
      <translation>Done on</translation>
    </message>
    <message>
      <source>完成期限</source>
      <translation>Due by</translation>
    </message>
    <message>
      <source>完成退换货审核</source>
      <translation>Complete the return or exchange review</translation>
    </message>
    <message>
      <source>实体店</source>
      <translation>Shop</translation>
    </message>
    <message>
      <source>实到人员</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>审计员</source>
      <translation>Auditor</translation>
    </message>
    <message>
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>导入旧登记簿或档案</source>
      <translation>Import old registers or archives</translation>
    </message>
    <message>
      <source>导出含完整个人信息的档案</source>
      <translation>Export archives with full personal details</translation>
    </message>
    <message>
      <source>导出完整档案</source>
      <translation>Export full archive</translation>
    </message>
    <message>
      <source>导出审计记录</source>
      <translation>Export audit trail</translation>
    </message>
    <message>
      <source>导出档案包</source>
      <translation>Export archive package</translation>
    </message>
    <message>
      <source>导出登记簿</source>
      <translation>Export register</translation>
    </message>
    <message>
      <source>导出登记簿和统计</source>
      <translation>Export the register and statistics</translation>
    </message>
    <message>
      <source>小时</source>
      <translation>hours</translation>
    </message>
    <message>
      <source>居民身份证</source>
      <translation>Resident ID card</translation>
    </message>
    <message>
      <source>屏幕显示/触摸</source>
      <translation>Screen / touch</translation>
    </message>
    <message>
      <source>履行方</source>
      <translation>Performed by</translation>
    </message>
    <message>
      <source>履行期限</source>
      <translation>Perform by</translation>
    </message>
    <message>
      <source>工作日历</source>
      <translation>Working-day calendar</translation>
    </message>
    <message>
      <source>已交付</source>
      <translation>Handed over</translation>
    </message>
    <message>
      <source>已修好</source>
      <translation>Fixed</translation>
    </message>
    <message>
      <source>已办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>已受理</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <source>已告知双方终止调解</source>
      <translation>Parties told mediation has ended</translation>
    </message>
    <message>
      <source>已归档</source>
      <translation>Archived</translation>
    </message>
    <message>
      <source>已接修</source>
      <translation>Received for repair</translation>
    </message>
    <message>
      <source>已撤回</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <source>已检测</source>
      <translation>Tested</translation>
    </message>
    <message>
      <source>已由法院、仲裁机构或有关行政部门受理</source>
      <translation>Taken up by a court, an arbitration body or an authority</translation>
    </message>
    <message>
      <source>已登记</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>已超期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>已超过三包有效期</source>
      <translation>Past the three-guarantees period</translation>
    </message>
    <message>
      <source>已转办</source>
      <translation>Forwarded</translation>
    </message>
    <message>
      <source>市场监督管理投诉举报处理暂行办法（待核实）</source>
      <translation>Interim Measures for Market Regulation Complaints and Reports (to be confirmed)</translation>
    </message>
    <message>
      <source>市场监督管理部门</source>
      <translation>Market regulation office</translation>
    </message>
    <message>
      <source>市场监督管理部门受理投诉后，发现存在不予受理情形</source>
      <translation>after acceptance the market regulation department found a ground for not accepting the complaint</translation>
    </message>
    <message>
      <source>市场监管总局令第 121 号</source>
      <translation>SAMR Order No. 121</translation>
    </message>
    <message>
      <source>市场监管总局令第 20 号（2019）</source>
      <translation>SAMR Order No. 20 (2019)</translation>
    </message>
    <message>
      <source>平板</source>
      <translation>Tablet</translation>
    </message>
    <message>
      <source>平板电脑</source>
      <translation>Tablet</translation>
    </message>
    <message>
      <source>平板电脑（待核实）</source>
      <translation>Tablet (to be verified)</translation>
    </message>
    <message>
      <source>年</source>
      <translation>years</translation>
    </message>
    <message>
      <source>序列号/IMEI</source>
      <translation>Serial no./IMEI</translation>
    </message>
    <message>
      <source>延迟交货</source>
      <translation>Late delivery</translation>
    </message>
    <message>
      <source>开始时间</source>
      <translation>Start time</translation>
    </message>
    <message>
      <source>开始维修日期</source>
      <translation>Repair started on</translation>
    </message>
    <message>
      <source>开始调解</source>
      <translation>Start mediation</translation>
    </message>
    <message>
      <source>归档</source>
      <translation>Archive</translation>
    </message>
    <message>
      <source>当面交付</source>
      <translation>By hand</translation>
    </message>
    <message>
      <source>录音</source>
      <translation>Recording</translation>
    </message>
    <message>
      <source>彩色电视机</source>
      <translation>Colour TV</translation>
    </message>
    <message>
      <source>彩色电视机（待核实）</source>
      <translation>Colour TV (to be verified)</translation>
    </message>
    <message>
      <source>待取机</source>
      <translation>Awaiting collection</translation>
    </message>
    <message>
      <source>待核实身份</source>
      <translation>Identity to be verified</translation>
    </message>
    <message>
      <source>微信</source>
      <translation>WeChat</translation>
    </message>
    <message>
      <source>微型计算机</source>
      <translation>Personal computer</translation>
    </message>
    <message>
      <source>微型计算机（待核实）</source>
      <translation>Computer (to be verified)</translation>
    </message>
    <message>
      <source>性能故障</source>
      <translation>Performance fault</translation>
    </message>
    <message>
      <source>总局令第 121 号第二十三条</source>
      <translation>SAMR Order No. 121, article 23</translation>
    </message>
    <message>
      <source>总局令第 121 号第二十三条（待核实）</source>
      <translation>SAMR Order No. 121, art. 23 (to be confirmed)</translation>
    </message>
    <message>
      <source>总局令第 121 号第十五条；消费者权益保护法第四十六条</source>
      <translation>SAMR Order No. 121, art. 15; Consumer Rights Protection Law, art. 46</translation>
    </message>
    <message>
      <source>总局令第 121 号第十六条</source>
      <translation>SAMR Order No. 121, article 16</translation>
    </message>
    <message>
      <source>总局令第 121 号（检测鉴定时间不计入）</source>
      <translation>SAMR Order No. 121 (testing and appraisal time not counted)</translation>
    </message>
    <message>
      <source>总局令第 20 号第十四条；消费者权益保护法第四十六条</source>
      <translation>SAMR Order No. 20, art. 14; Consumer Rights Protection Law, art. 46</translation>
    </message>
    <message>
      <source>总局令第 20 号（检测鉴定时间不计入）</source>
      <translation>SAMR Order No. 20 (testing and appraisal time not counted)</translation>
    </message>
    <message>
      <source>恢复</source>
      <translation>Resume</translation>
    </message>
    <message>
      <source>恢复调解</source>
      <translation>Resume mediation</translation>
    </message>
    <message>
      <source>意见</source>
      <translation>Opinion</translation>
    </message>
    <message>
      <source>手机</source>
      <translation>Mobile phone</translation>
    </message>
    <message>
      <source>手机 11 位或固话 010-12345678</source>
      <translation>Mobile (11 digits) or landline 010-12345678</translation>
    </message>
    <message>
      <source>手机主机</source>
      <translation>Mobile phone (handset)</translation>
    </message>
    <message>
      <source>手机拨 *#06# 显示 IMEI</source>
      <translation>dial *#06# on a phone to show its IMEI</translation>
    </message>
    <message>
      <source>手机电池</source>
      <translation>Mobile phone battery</translation>
    </message>
    <message>
      <source>投不受</source>
      <translation>NAC</translation>
    </message>
    <message>
      <source>投受</source>
      <translation>ACC</translation>
    </message>
    <message>
      <source>投处</source>
      <translation>RES</translation>
    </message>
    <message>
      <source>投核</source>
      <translation>IDV</translation>
    </message>
    <message>
      <source>投登</source>
      <translation>REG</translation>
    </message>
    <message>
      <source>投诉事实</source>
      <translation>Facts of the complaint</translation>
    </message>
    <message>
      <source>投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限</source>
      <translation>the matter is not within the duties of market regulation, or this office has no power to handle it</translation>
    </message>
    <message>
      <source>投诉人</source>
      <translation>Complainant</translation>
    </message>
    <message>
      <source>投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致</source>
      <translation>the parties cannot agree on the technical body for testing or appraisal, or on who bears its cost</translation>
    </message>
    <message>
      <source>投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解</source>
      <translation>a party did not attend without good reason, or the business expressly refused mediation</translation>
    </message>
    <message>
      <source>投诉人撤回</source>
      <translation>Withdrawn by the complainant</translation>
    </message>
    <message>
      <source>投诉人撤回投诉或者双方自行和解</source>
      <translation>the complainant withdrew the complaint, or the parties settled on their own</translation>
    </message>
    <message>
      <source>投诉人撤回投诉，或者双方自行和解</source>
      <translation>The complainant withdrew, or the parties settled between themselves</translation>
    </message>
    <message>
      <source>投诉人陈述</source>
      <translation>Complainant's statement</translation>
    </message>
    <message>
      <source>投诉内容</source>
      <translation>The complaint</translation>
    </message>
    <message>
      <source>投诉登记表</source>
      <translation>Complaint registration form</translation>
    </message>
    <message>
      <source>投诉类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>投诉请求</source>
      <translation>Demands</translation>
    </message>
    <message>
      <source>投转</source>
      <translation>FWD</translation>
    </message>
    <message>
      <source>抗战胜利 70 周年纪念日</source>
      <translation>70th anniversary of victory in the War of Resistance</translation>
    </message>
    <message>
      <source>护照</source>
      <translation>Passport</translation>
    </message>
    <message>
      <source>报价（元）</source>
      <translation>Quote (yuan)</translation>
    </message>
    <message>
      <source>拟调解时间</source>
      <translation>Scheduled session time</translation>
    </message>
    <message>
      <source>指定调解员、改派</source>
      <translation>Assign and reassign mediators</translation>
    </message>
    <message>
      <source>按案件登记的经营者名称</source>
      <translation>the business name as the cases have it</translation>
    </message>
    <message>
      <source>按键/接口</source>
      <translation>Buttons / ports</translation>
    </message>
    <message>
      <source>换货</source>
      <translation>Exchange</translation>
    </message>
    <message>
      <source>接机</source>
      <translation>Intake</translation>
    </message>
    <message>
      <source>接机人员</source>
      <translation>Received by</translation>
    </message>
    <message>
      <source>接机信息</source>
      <translation>Device received</translation>
    </message>
    <message>
      <source>接机单</source>
      <translation>Device receipt</translation>
    </message>
    <message>
      <source>提示</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <source>摄像头</source>
      <translation>Camera</translation>
    </message>
    <message>
      <source>撤回</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <source>擅自涂改三包凭证，或自行拆机</source>
      <translation>The warranty card was altered, or the unit was opened by the owner</translation>
    </message>
    <message>
      <source>收到时间</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>改为换货</source>
      <translation>Change to exchange</translation>
    </message>
    <message>
      <source>改为退货</source>
      <translation>Change to return</translation>
    </message>
    <message>
      <source>改变建议等级的理由</source>
      <translation>Reason for changing the proposed grade</translation>
    </message>
    <message>
      <source>改期原因</source>
      <translation>Reason for the move</translation>
    </message>
    <message>
      <source>改进措施</source>
      <translation>Improvement action</translation>
    </message>
    <message>
      <source>改进措施完成</source>
      <translation>Improvement action done</translation>
    </message>
    <message>
      <source>故障情况</source>
      <translation>Fault</translation>
    </message>
    <message>
      <source>故障现象（顾客所述）</source>
      <translation>Fault (as the customer tells it)</translation>
    </message>
    <message>
      <source>故障类型</source>
      <translation>Fault type</translation>
    </message>
    <message>
      <source>故障部位</source>
      <translation>Faulty part</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>新的开始时间</source>
      <translation>New start time</translation>
    </message>
    <message>
      <source>新的调解日期</source>
      <translation>New session date</translation>
    </message>
    <message>
      <source>方式</source>
      <translation>Means</translation>
    </message>
    <message>
      <source>无有效发票和三包凭证，且无法证明购买日期</source>
      <translation>No valid invoice or warranty card, and the purchase date cannot be shown</translation>
    </message>
    <message>
      <source>无法确定被投诉经营者</source>
      <translation>The business complained about cannot be identified</translation>
    </message>
    <message>
      <source>无进行中的期限</source>
      <translation>No running deadline</translation>
    </message>
    <message>
      <source>日</source>
      <translation>days</translation>
    </message>
    <message>
      <source>春节</source>
      <translation>Spring Festival</translation>
    </message>
    <message>
      <source>显示屏</source>
      <translation>display</translation>
    </message>
    <message>
      <source>曝光</source>
      <translation>made public</translation>
    </message>
    <message>
      <source>更换</source>
      <translation>Replacement</translation>
    </message>
    <message>
      <source>更换配件</source>
      <translation>Parts replaced</translation>
    </message>
    <message>
      <source>月饼</source>
      <translation>mooncake</translation>
    </message>
    <message>
      <source>有线耳机</source>
      <translation>Wired earphones</translation>
    </message>
    <message>
      <source>服务态度</source>
      <translation>Service attitude</translation>
    </message>
    <message>
      <source>期满未达成协议的，终止调解</source>
      <translation>No agreement when the period ends: mediation is terminated</translation>
    </message>
    <message>
      <source>期满未达成协议的，终止调解（B5）</source>
      <translation>No agreement when the period ends: mediation is terminated (B5)</translation>
    </message>
    <message>
      <source>期限</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>期限重算</source>
      <translation>Deadline recalculated</translation>
    </message>
    <message>
      <source>未修好</source>
      <translation>Not fixed</translation>
    </message>
    <message>
      <source>未提供必要材料，或者提供虚假材料</source>
      <translation>Necessary materials not provided, or false materials provided</translation>
    </message>
    <message>
      <source>未提供本办法规定的投诉材料</source>
      <translation>the complaint materials these Measures require were not supplied</translation>
    </message>
    <message>
      <source>未登记</source>
      <translation>Not recorded</translation>
    </message>
    <message>
      <source>本机关</source>
      <translation>This office</translation>
    </message>
    <message>
      <source>来访</source>
      <translation>Walk-in</translation>
    </message>
    <message>
      <source>查明情况</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>查看完整个人号码</source>
      <translation>Full personal numbers viewed</translation>
    </message>
    <message>
      <source>查看完整电话和证件号码</source>
      <translation>View full phone and ID numbers</translation>
    </message>
    <message>
      <source>查看审计记录</source>
      <translation>View the audit trail</translation>
    </message>
    <message>
      <source>核查违法线索</source>
      <translation>Look into signs of a violation</translation>
    </message>
    <message>
      <source>案件号</source>
      <translation>Case no.</translation>
    </message>
    <message>
      <source>检测完成</source>
      <translation>Testing done</translation>
    </message>
    <message>
      <source>检测结论</source>
      <translation>Diagnosis</translation>
    </message>
    <message>
      <source>检测鉴定</source>
      <translation>Testing and appraisal</translation>
    </message>
    <message>
      <source>检测鉴定机构</source>
      <translation>Testing or appraisal body</translation>
    </message>
    <message>
      <source>此前已达成调解协议并已履行，且无新的情况</source>
      <translation>A mediation agreement was reached and performed before, and nothing new has arisen</translation>
    </message>
    <message>
      <source>死亡</source>
      <translation>death</translation>
    </message>
    <message>
      <source>油烟机</source>
      <translation>Range hood</translation>
    </message>
    <message>
      <source>法律、法规、规章规定不予受理的其他情形</source>
      <translation>Other grounds for non-acceptance under laws, regulations or rules</translation>
    </message>
    <message>
      <source>法律、法规、规章规定的应当终止调解的其他情形</source>
      <translation>Other grounds for terminating mediation under laws, regulations or rules</translation>
    </message>
    <message>
      <source>法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议</source>
      <translation>a court, an arbitration body, a market regulation department or another administrative body, a consumer association or another lawful mediation organisation has already accepted or handled the same dispute</translation>
    </message>
    <message>
      <source>洗衣机</source>
      <translation>Washing machine</translation>
    </message>
    <message>
      <source>洗衣机（待核实）</source>
      <translation>Washing machine (to be verified)</translation>
    </message>
    <message>
      <source>消费者协会</source>
      <translation>Consumer association</translation>
    </message>
    <message>
      <source>消费者协会办法；办公室设置</source>
      <translation>Consumer association rules; office settings</translation>
    </message>
    <message>
      <source>消费者协会投诉处理（办公室设置）</source>
      <translation>Consumer association complaint handling (office settings)</translation>
    </message>
    <message>
      <source>消费者知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年</source>
      <translation>More than three years since the consumer knew or should have known of the harm done by the business</translation>
    </message>
    <message>
      <source>添加用户</source>
      <translation>Add user</translation>
    </message>
    <message>
      <source>添加证据</source>
      <translation>Add evidence</translation>
    </message>
    <message>
      <source>清明节</source>
      <translation>Qingming Festival</translation>
    </message>
    <message>
      <source>港澳居民来往内地通行证</source>
      <translation>Hong Kong and Macao residents' mainland travel permit</translation>
    </message>
    <message>
      <source>满意度</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <source>漏水/漏电</source>
      <translation>Water / current leak</translation>
    </message>
    <message>
      <source>烧伤</source>
      <translation>burns</translation>
    </message>
    <message>
      <source>烫伤</source>
      <translation>scalds</translation>
    </message>
    <message>
      <source>热水器</source>
      <translation>Water heater</translation>
    </message>
    <message>
      <source>热水器（待核实）</source>
      <translation>Water heater (to be verified)</translation>
    </message>
    <message>
      <source>照片</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>爆炸</source>
      <translation>explosion</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>状态变更</source>
      <translation>Status change</translation>
    </message>
    <message>
      <source>现场</source>
      <translation>In person</translation>
    </message>
    <message>
      <source>现场调解必填；视频、电话调解填会议号或拨打号码</source>
      <translation>Required in person; for video or phone, the meeting number or the number to call</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>用户管理</source>
      <translation>Manage users</translation>
    </message>
    <message>
      <source>申诉</source>
      <translation>Appeal</translation>
    </message>
    <message>
      <source>申诉人</source>
      <translation>Appellant</translation>
    </message>
    <message>
      <source>申诉日期</source>
      <translation>Appeal date</translation>
    </message>
    <message>
      <source>申诉理由</source>
      <translation>Grounds of appeal</translation>
    </message>
    <message>
      <source>申诉：重新办理</source>
      <translation>Appeal: handle again</translation>
    </message>
    <message>
      <source>申诉：重新检测</source>
      <translation>Appeal: test again</translation>
    </message>
    <message>
      <source>电冰箱</source>
      <translation>Refrigerator</translation>
    </message>
    <message>
      <source>电冰箱（待核实）</source>
      <translation>Refrigerator (to be verified)</translation>
    </message>
    <message>
      <source>电子邮件</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>电机</source>
      <translation>motor</translation>
    </message>
    <message>
      <source>电机/压缩机/异响</source>
      <translation>Motor / compressor / noise</translation>
    </message>
    <message>
      <source>电池</source>
      <translation>Battery</translation>
    </message>
    <message>
      <source>电池/续航/充电</source>
      <translation>Battery / charging</translation>
    </message>
    <message>
      <source>电脑</source>
      <translation>Computer</translation>
    </message>
    <message>
      <source>电视</source>
      <translation>Television</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>电话告知</source>
      <translation>By phone</translation>
    </message>
    <message>
      <source>电话购物</source>
      <translation>Telephone shopping</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <source>登录失败</source>
      <translation>Failed sign-in</translation>
    </message>
    <message>
      <source>登记人员</source>
      <translation>Registering clerk</translation>
    </message>
    <message>
      <source>登记员</source>
      <translation>Registrar</translation>
    </message>
    <message>
      <source>登记投诉</source>
      <translation>Register a complaint</translation>
    </message>
    <message>
      <source>登记改进措施</source>
      <translation>Record an improvement action</translation>
    </message>
    <message>
      <source>登记时按类别和事实建议</source>
      <translation>proposed at intake from the category and the facts</translation>
    </message>
    <message>
      <source>着火</source>
      <translation>on fire</translation>
    </message>
    <message>
      <source>知道权益受损已超过三年（民法典第一百八十八条）：可依理由 A4 不予受理</source>
      <translation>More than three years since the harm was known (Civil Code art. 188): ground A4 allows not accepting it</translation>
    </message>
    <message>
      <source>知道权益受损日期</source>
      <translation>Date harm became known</translation>
    </message>
    <message>
      <source>短信</source>
      <translation>SMS</translation>
    </message>
    <message>
      <source>移交其他机构调解</source>
      <translation>Hand the mediation to another body</translation>
    </message>
    <message>
      <source>移除证据</source>
      <translation>Remove evidence</translation>
    </message>
    <message>
      <source>稍后到期</source>
      <translation>Due later</translation>
    </message>
    <message>
      <source>空调</source>
      <translation>Air conditioner</translation>
    </message>
    <message>
      <source>空调器</source>
      <translation>Air conditioner</translation>
    </message>
    <message>
      <source>空调器（待核实）</source>
      <translation>Air conditioner (to be verified)</translation>
    </message>
    <message>
      <source>端午节</source>
      <translation>Dragon Boat Festival</translation>
    </message>
    <message>
      <source>笔记本</source>
      <translation>Laptop</translation>
    </message>
    <message>
      <source>等待配件</source>
      <translation>Waiting for parts</translation>
    </message>
    <message>
      <source>等级</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>答复维修请求</source>
      <translation>Answer the repair request</translation>
    </message>
    <message>
      <source>管理员</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>紧急</source>
      <translation>Urgent</translation>
    </message>
    <message>
      <source>终止调解</source>
      <translation>Mediation terminated</translation>
    </message>
    <message>
      <source>终止调解告知</source>
      <translation>Notice of termination</translation>
    </message>
    <message>
      <source>终止调解告知书</source>
      <translation>Notice of termination of mediation</translation>
    </message>
    <message>
      <source>经办人</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>经组织调解，投诉人或者被投诉人明确表示无法达成调解协议</source>
      <translation>after mediation a party expressly stated that no agreement can be reached</translation>
    </message>
    <message>
      <source>经营地址</source>
      <translation>Business address</translation>
    </message>
    <message>
      <source>经营者</source>
      <translation>Business</translation>
    </message>
    <message>
      <source>经营者之间的纠纷</source>
      <translation>Dispute between businesses</translation>
    </message>
    <message>
      <source>经营者人员过错</source>
      <translation>Fault of the business's staff</translation>
    </message>
    <message>
      <source>经营者名称</source>
      <translation>Business name</translation>
    </message>
    <message>
      <source>经营者承担举证责任</source>
      <translation>The business bears the burden of proof</translation>
    </message>
    <message>
      <source>经营者电话</source>
      <translation>Business phone</translation>
    </message>
    <message>
      <source>经营者陈述</source>
      <translation>Business's statement</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>统一社会信用代码</source>
      <translation>Unified social credit code</translation>
    </message>
    <message>
      <source>维修</source>
      <translation>Repair</translation>
    </message>
    <message>
      <source>维修中</source>
      <translation>Under repair</translation>
    </message>
    <message>
      <source>维修人员</source>
      <translation>Technician</translation>
    </message>
    <message>
      <source>维修单 / 三包凭证</source>
      <translation>Repair slip / warranty card</translation>
    </message>
    <message>
      <source>维修响应</source>
      <translation>Repair response</translation>
    </message>
    <message>
      <source>维修服务网点（三包）</source>
      <translation>Repair service point (three guarantees)</translation>
    </message>
    <message>
      <source>维修记录</source>
      <translation>Repair record</translation>
    </message>
    <message>
      <source>网店名称</source>
      <translation>Online shop name</translation>
    </message>
    <message>
      <source>网站</source>
      <translation>Website</translation>
    </message>
    <message>
      <source>网络平台</source>
      <translation>Online platform</translation>
    </message>
    <message>
      <source>网络舆情</source>
      <translation>online outcry</translation>
    </message>
    <message>
      <source>网购时填写平台名称</source>
      <translation>For online purchases, the platform's name</translation>
    </message>
    <message>
      <source>群体</source>
      <translation>a group</translation>
    </message>
    <message>
      <source>老人</source>
      <translation>the elderly</translation>
    </message>
    <message>
      <source>耳机</source>
      <translation>headset</translation>
    </message>
    <message>
      <source>聊天记录</source>
      <translation>Chat log</translation>
    </message>
    <message>
      <source>联系人</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>联系电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议</source>
      <translation>no agreement was reached within 45 working days of acceptance</translation>
    </message>
    <message>
      <source>节假日</source>
      <translation>Holiday</translation>
    </message>
    <message>
      <source>药品</source>
      <translation>medicines</translation>
    </message>
    <message>
      <source>虚假宣传</source>
      <translation>False advertising</translation>
    </message>
    <message>
      <source>被投诉人</source>
      <translation>Respondent</translation>
    </message>
    <message>
      <source>被投诉经营者</source>
      <translation>Business complained about</translation>
    </message>
    <message>
      <source>要求核实身份</source>
      <translation>Ask for identity verification</translation>
    </message>
    <message>
      <source>视频</source>
      <translation>Video</translation>
    </message>
    <message>
      <source>触电</source>
      <translation>electric shock</translation>
    </message>
    <message>
      <source>订单号</source>
      <translation>Order no.</translation>
    </message>
    <message>
      <source>订购配件日期</source>
      <translation>Parts ordered on</translation>
    </message>
    <message>
      <source>记录改进措施</source>
      <translation>record improvement actions</translation>
    </message>
    <message>
      <source>记录调查、调解、回访和事项</source>
      <translation>Record investigations, mediation, follow-ups and matters</translation>
    </message>
    <message>
      <source>记者</source>
      <translation>journalists</translation>
    </message>
    <message>
      <source>证件号码</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>证件类型</source>
      <translation>ID type</translation>
    </message>
    <message>
      <source>证据</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <source>证据清单</source>
      <translation>List of evidence</translation>
    </message>
    <message>
      <source>证清</source>
      <translation>EVL</translation>
    </message>
    <message>
      <source>询问/陪同人员</source>
      <translation>Interviewer/attending</translation>
    </message>
    <message>
      <source>请求说明</source>
      <translation>Details of the demand</translation>
    </message>
    <message>
      <source>请求金额（元）</source>
      <translation>Amount claimed (CNY)</translation>
    </message>
    <message>
      <source>调休上班</source>
      <translation>Make-up working day</translation>
    </message>
    <message>
      <source>调协</source>
      <translation>MAG</translation>
    </message>
    <message>
      <source>调查·调解记录</source>
      <translation>Investigation and mediation records</translation>
    </message>
    <message>
      <source>调查内容</source>
      <translation>What was investigated</translation>
    </message>
    <message>
      <source>调查日期</source>
      <translation>Investigation date</translation>
    </message>
    <message>
      <source>调查记录</source>
      <translation>Investigation record</translation>
    </message>
    <message>
      <source>调终</source>
      <translation>MTN</translation>
    </message>
    <message>
      <source>调解中</source>
      <translation>In mediation</translation>
    </message>
    <message>
      <source>调解中发现的违法线索须核查（经批准可延长 15 个工作日）</source>
      <translation>Signs of a violation found in mediation must be looked into (extendable by 15 working days with approval)</translation>
    </message>
    <message>
      <source>调解协议书</source>
      <translation>Mediation agreement</translation>
    </message>
    <message>
      <source>调解员</source>
      <translation>Mediator</translation>
    </message>
    <message>
      <source>调解日期</source>
      <translation>Mediation date</translation>
    </message>
    <message>
      <source>调解期限</source>
      <translation>Mediation period</translation>
    </message>
    <message>
      <source>调解期限内未达成调解协议</source>
      <translation>No mediation agreement within the period</translation>
    </message>
    <message>
      <source>调解记录</source>
      <translation>Mediation record</translation>
    </message>
    <message>
      <source>调解通知书</source>
      <translation>Notice of mediation</translation>
    </message>
    <message>
      <source>调记</source>
      <translation>MRC</translation>
    </message>
    <message>
      <source>调通</source>
      <translation>MNT</translation>
    </message>
    <message>
      <source>负责人</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>账户锁定</source>
      <translation>Account locked</translation>
    </message>
    <message>
      <source>购买信息</source>
      <translation>Purchase</translation>
    </message>
    <message>
      <source>购买日期</source>
      <translation>Purchase date</translation>
    </message>
    <message>
      <source>购买渠道</source>
      <translation>Bought via</translation>
    </message>
    <message>
      <source>购买金额（元）</source>
      <translation>Price paid (CNY)</translation>
    </message>
    <message>
      <source>费用承担</source>
      <translation>Costs borne by</translation>
    </message>
    <message>
      <source>赔偿</source>
      <translation>Compensation</translation>
    </message>
    <message>
      <source>赔礼道歉</source>
      <translation>Apology</translation>
    </message>
    <message>
      <source>起火</source>
      <translation>caught fire</translation>
    </message>
    <message>
      <source>超过三年</source>
      <translation>Over 3 years</translation>
    </message>
    <message>
      <source>身份核实通知</source>
      <translation>Identity verification notice</translation>
    </message>
    <message>
      <source>转办</source>
      <translation>Forwarded</translation>
    </message>
    <message>
      <source>转办其他部门</source>
      <translation>Forward to another office</translation>
    </message>
    <message>
      <source>转办告知书</source>
      <translation>Notice of forwarding</translation>
    </message>
    <message>
      <source>转办机构</source>
      <translation>Receiving office</translation>
    </message>
    <message>
      <source>达成协议</source>
      <translation>Agreement reached</translation>
    </message>
    <message>
      <source>达成调解协议</source>
      <translation>Mediation agreement reached</translation>
    </message>
    <message>
      <source>过期</source>
      <translation>expired</translation>
    </message>
    <message>
      <source>运输损坏</source>
      <translation>Damaged in transit</translation>
    </message>
    <message>
      <source>违法线索核查完毕</source>
      <translation>Signs of a violation looked into</translation>
    </message>
    <message>
      <source>退换货审核</source>
      <translation>Return or exchange review</translation>
    </message>
    <message>
      <source>退款</source>
      <translation>Refund</translation>
    </message>
    <message>
      <source>退货</source>
      <translation>Return</translation>
    </message>
    <message>
      <source>送检日期</source>
      <translation>Sent for testing on</translation>
    </message>
    <message>
      <source>通信地址</source>
      <translation>Postal address</translation>
    </message>
    <message>
      <source>通知参加人员</source>
      <translation>Summoned</translation>
    </message>
    <message>
      <source>邮寄</source>
      <translation>By post</translation>
    </message>
    <message>
      <source>部分商品修理更换退货责任规定（三包）</source>
      <translation>Provisions on Repair, Replacement and Return of Certain Goods (three guarantees)</translation>
    </message>
    <message>
      <source>配件到货日期</source>
      <translation>Parts arrived on</translation>
    </message>
    <message>
      <source>重作</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>重要</source>
      <translation>Important</translation>
    </message>
    <message>
      <source>金额（元）</source>
      <translation>Amount (CNY)</translation>
    </message>
    <message>
      <source>鉴定中止</source>
      <translation>Suspended for appraisal</translation>
    </message>
    <message>
      <source>针对的原因</source>
      <translation>Cause addressed</translation>
    </message>
    <message>
      <source>除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年</source>
      <translation>unless the law provides otherwise, more than three years have passed since the complainant knew or should have known of the harm</translation>
    </message>
    <message>
      <source>随机附件</source>
      <translation>Accessories received</translation>
    </message>
    <message>
      <source>集体投诉</source>
      <translation>a collective complaint</translation>
    </message>
    <message>
      <source>需携带材料</source>
      <translation>To bring</translation>
    </message>
    <message>
      <source>非承担三包责任者处购买</source>
      <translation>Bought from someone not liable under the three guarantees</translation>
    </message>
    <message>
      <source>顾客</source>
      <translation>Customer</translation>
    </message>
    <message>
      <source>顾客同意报价</source>
      <translation>Customer accepted the quote</translation>
    </message>
    <message>
      <source>顾客要求</source>
      <translation>Customer asks for</translation>
    </message>
    <message>
      <source>顾客要求退换货</source>
      <translation>Customer asks for return or exchange</translation>
    </message>
    <message>
      <source>顾客（取机）</source>
      <translation>Customer (pickup)</translation>
    </message>
    <message>
      <source>顾客（送修）</source>
      <translation>Customer (drop-off)</translation>
    </message>
    <message>
      <source>预付卡</source>
      <translation>Prepaid card</translation>
    </message>
    <message>
      <source>预计完成日期</source>
      <translation>Expected by</translation>
    </message>
    <message>
      <source>食品</source>
      <translation>food</translation>
    </message>
    <message>
      <source>食品（待核实）</source>
      <translation>Food (to be verified)</translation>
    </message>
    <message>
      <source>首次联系投诉人</source>
      <translation>First contact with the complainant</translation>
    </message>
    <message>
      <source>（一）</source>
      <translation>(1)</translation>
    </message>
    <message>
      <source>（七）</source>
      <translation>(7)</translation>
    </message>
    <message>
      <source>（三）</source>
      <translation>(3)</translation>
    </message>
    <message>
      <source>（二）</source>
      <translation>(2)</translation>
    </message>
    <message>
      <source>（五）</source>
      <translation>(5)</translation>
    </message>
    <message>
      <source>（八）</source>
      <translation>(8)</translation>
    </message>
    <message>
      <source>（六）</source>
      <translation>(6)</translation>
    </message>
    <message>
      <source>（四）</source>
      <translation>(4)</translation>
    </message>
    <message>
      <source>（按建议）</source>
      <translation>(as proposed)</translation>
    </message>
    <message>
      <source>（未填）</source>
      <translation>(not given)</translation>
    </message>
    <message>
      <source>（未定）</source>
      <translation>(not decided)</translation>
    </message>
    <message>
      <source>（未指定）</source>
      <translation>(not given)</translation>
    </message>
    <message>
      <source>（未选择）</source>
      <translation>(not chosen)</translation>
    </message>
  </context>
  <context>
    <name>wording</name>
    <message>
      <source>只改本案的这类文书，办公室模板不变。花括号内是填入项，如 {案件号}；改好后先预览再出具。</source>
      <translation>Changes this kind of document for this case only; the office template stays as it is. Names in braces are filled in, e.g. {case_no}; preview before issuing.</translation>
    </message>
    <message>
      <source>恢复办公室模板(&amp;O)</source>
      <translation>Back to the &amp;office template</translation>
    </message>
    <message>
      <source>本案措辞：%1</source>
      <translation>Wording for this case: %1</translation>
    </message>
  </context>
  <context>
    <name>workers</name>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>程序遇到意外错误（%1），详情已记入日志。</source>
      <translation>An unexpected error occurred (%1); the details are in the log.</translation>
    </message>
  </context>
  <context>
    <name>workflow</name>
    <message>
      <source>办理(&amp;B)</source>
      <translation>Handle (&amp;B)</translation>
    </message>
    <message>
      <source>投诉人</source>
      <translation>Complainant</translation>
    </message>
    <message>
      <source>经营者</source>
      <translation>Business</translation>
    </message>
    <message>
      <source>由本机构调解</source>
      <translation>mediation by this office</translation>
    </message>
    <message>
      <source>移交其他机构调解</source>
      <translation>hand-over to another body</translation>
    </message>
    <message>
      <source>记录同意调解</source>
      <translation>Record consent to mediation</translation>
    </message>
    <message>
      <source>指定调解员</source>
      <translation>Assign mediator</translation>
    </message>
    <message>
      <source>声明利害关系</source>
      <translation>Declare a conflict of interest</translation>
    </message>
    <message>
      <source>出具并送达文书</source>
      <translation>Issue and deliver a document</translation>
    </message>
    <message>
      <source>新的经办人</source>
      <translation>New handler</translation>
    </message>
    <message>
      <source>改派</source>
      <translation>Reassign</translation>
    </message>
    <message>
      <source>本案没有可延长的期限（如 D4 核查违法线索，经批准可延长一次）。</source>
      <translation>This case has no deadline that may be extended (such as D4, verifying a violation lead, once with an approval).</translation>
    </message>
    <message>
      <source>延长期限</source>
      <translation>Extend a deadline</translation>
    </message>
    <message>
      <source>记录事项</source>
      <translation>Record a matter</translation>
    </message>
    <message>
      <source>元</source>
      <translation>yuan</translation>
    </message>
    <message>
      <source>三包建议</source>
      <translation>Three-guarantees advice</translation>
    </message>
    <message>
      <source>期限</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>到期</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>剩余</source>
      <translation>Left</translation>
    </message>
    <message>
      <source>依据</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>记录同意调解…</source>
      <translation>Record consent to mediation…</translation>
    </message>
    <message>
      <source>指定调解员…</source>
      <translation>Assign mediator…</translation>
    </message>
    <message>
      <source>声明利害关系…</source>
      <translation>Declare a conflict of interest…</translation>
    </message>
    <message>
      <source>下一步：</source>
      <translation>Next steps:</translation>
    </message>
    <message>
      <source>（暂定）</source>
      <translation> (provisional)</translation>
    </message>
    <message>
      <source>将案件转为“%1”。</source>
      <translation>Moves the case to "%1".</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>出具后自动编号、生成 PDF 存档并记入时间线；可在“文书”页查看、重印或更正。</source>
      <translation>Issuing numbers the document, stores its PDF and enters it in the timeline; view, reprint or correct it on the Documents tab.</translation>
    </message>
    <message>
      <source>（请选择）</source>
      <translation>(choose)</translation>
    </message>
    <message>
      <source>请填写：</source>
      <translation>Please fill in: </translation>
    </message>
    <message>
      <source>送达文书…</source>
      <translation>Deliver a document…</translation>
    </message>
    <message>
      <source>记录事项…</source>
      <translation>Record a matter…</translation>
    </message>
    <message>
      <source>延长期限…</source>
      <translation>Extend a deadline…</translation>
    </message>
    <message>
      <source>改派…</source>
      <translation>Reassign…</translation>
    </message>
    <message>
      <source>已中止（鉴定中）</source>
      <translation>Suspended (appraisal under way)</translation>
    </message>
    <message>
      <source>该年度放假安排尚未公布，按周末推算，公布后自动重算</source>
      <translation>That year's holiday schedule is not yet published: counted on weekends only, recalculated once it is published</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>接收机构</source>
      <translation>Receiving office</translation>
    </message>
    <message>
      <source>转送日期（不填为今天）</source>
      <translation>Date forwarded (empty: today)</translation>
    </message>
    <message>
      <source>随附材料</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <source>新机序列号/IMEI</source>
      <translation>New device serial/IMEI</translation>
    </message>
    <message>
      <source>当事人</source>
      <translation>Party</translation>
    </message>
    <message>
      <source>同意事项</source>
      <translation>Consent to</translation>
    </message>
    <message>
      <source>方式</source>
      <translation>Means</translation>
    </message>
    <message>
      <source>调解员</source>
      <translation>Mediator</translation>
    </message>
    <message>
      <source>情况</source>
      <translation>Circumstances</translation>
    </message>
    <message>
      <source>文书</source>
      <translation>Document</translation>
    </message>
    <message>
      <source>送达方式</source>
      <translation>Delivery</translation>
    </message>
    <message>
      <source>送达对象</source>
      <translation>Addressed to</translation>
    </message>
    <message>
      <source>批准人</source>
      <translation>Approved by</translation>
    </message>
    <message>
      <source>批准日期（不填为今天）</source>
      <translation>Approved on (empty: today)</translation>
    </message>
    <message>
      <source>事项</source>
      <translation>Matter</translation>
    </message>
    <message>
      <source>（可选）</source>
      <translation>(optional)</translation>
    </message>
    <message>
      <source>已超期 %1 天</source>
      <translation>%1 days overdue</translation>
    </message>
    <message>
      <source>还剩 %1 天</source>
      <translation>%1 days left</translation>
    </message>
    <message>
      <source>不按三包建议办理的理由</source>
      <translation>Reason for going against the warranty advice</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>依据：%1</source>
      <translation>Under: %1</translation>
    </message>
    <message>
      <source>三包建议不包括此项（今天可选：%1）。如按顾客要求办理，请写明理由。</source>
      <translation>The warranty advice does not include this (today: %1). To do it as the customer asks, give the reason.</translation>
    </message>
    <message>
      <source>你的角色不能%1</source>
      <translation>Your role cannot: %1</translation>
    </message>
    <message>
      <source>已超期 %1 小时</source>
      <translation>%1 hours overdue</translation>
    </message>
    <message>
      <source>还剩 %1 小时</source>
      <translation>%1 hours left</translation>
    </message>
    <message>
      <source>还剩 %1 个工作日</source>
      <translation>%1 working days left</translation>
    </message>
    <message>
      <source>%1：%2</source>
      <translation>%1: %2</translation>
    </message>
  </context>
  <context>
    <name>workload</name>
    <message>
      <source>工作量</source>
      <translation>Workload</translation>
    </message>
    <message>
      <source>经办人</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>在办</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>本周到期</source>
      <translation>Due this week</translation>
    </message>
  </context>
</TS>
