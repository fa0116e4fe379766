<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Industry (发展生产)</source>
        <translation>产业扶贫（发展生产）</translation>
    </message>
    <message>
        <source>Relocation (易地搬迁)</source>
        <translation>易地扶贫搬迁</translation>
    </message>
    <message>
        <source>Ecological compensation (生态补偿)</source>
        <translation>生态补偿脱贫</translation>
    </message>
    <message>
        <source>Education (发展教育)</source>
        <translation>发展教育脱贫</translation>
    </message>
    <message>
        <source>Social-security safety net (社会保障兜底)</source>
        <translation>社会保障兜底</translation>
    </message>
    <message>
        <source>Employment (就业扶贫)</source>
        <translation>就业扶贫</translation>
    </message>
    <message>
        <source>East–west cooperation (东西部协作)</source>
        <translation>东西部协作</translation>
    </message>
    <message>
        <source>Returnee entrepreneurs (返乡创业)</source>
        <translation>返乡创业</translation>
    </message>
    <message>
        <source>Tourism (旅游扶贫)</source>
        <translation>旅游扶贫</translation>
    </message>
    <message>
        <source>district (区)</source>
        <translation>区</translation>
    </message>
    <message>
        <source>subdistrict (街道)</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>town (镇)</source>
        <translation>镇</translation>
    </message>
    <message>
        <source>township (乡)</source>
        <translation>乡</translation>
    </message>
    <message>
        <source>community (社区)</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>village (村)</source>
        <translation>村</translation>
    </message>
    <message>
        <source>resettlement site (安置点)</source>
        <translation>安置点</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>报告值</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>估计</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>统计资料</translation>
    </message>
    <message>
        <source>policy document</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <source>data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>encyclopedia</source>
        <translation>百科</translation>
    </message>
    <message>
        <source>news report</source>
        <translation>新闻报道</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>entered by a user</source>
        <translation>用户录入</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>不分高低</translation>
    </message>
    <message>
        <source>adds up (sum)</source>
        <translation>可加总</translation>
    </message>
    <message>
        <source>does not add up</source>
        <translation>不可加总</translation>
    </message>
    <message>
        <source>poverty line</source>
        <translation>贫困线</translation>
    </message>
    <message>
        <source>monitoring line</source>
        <translation>监测线</translation>
    </message>
    <message>
        <source>exit threshold</source>
        <translation>退出标准</translation>
    </message>
    <message>
        <source>skip when any figure is missing</source>
        <translation>任一数据缺失即跳过</translation>
    </message>
    <message>
        <source>skip only when all figures are missing</source>
        <translation>全部数据缺失才跳过</translation>
    </message>
    <message>
        <source>never skip (missing counts as 0)</source>
        <translation>从不跳过（缺失按 0 计）</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>unknown datum</source>
        <translation>坐标系未知</translation>
    </message>
    <message>
        <source>source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>无来源</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推导</translation>
    </message>
    <message>
        <source>(unverified)</source>
        <translation>（未核实）</translation>
    </message>
    <message>
        <source>District report</source>
        <translation>全区报告</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
    </message>
    <message>
        <source>Dongchuan Workbench</source>
        <translation>东川工作台</translation>
    </message>
    <message>
        <source>No figures recorded yet.</source>
        <translation>尚无数据记录。</translation>
    </message>
    <message>
        <source>Data-quality report</source>
        <translation>数据质量报告</translation>
    </message>
    <message>
        <source>High importance ({0})</source>
        <translation>重要性高（{0}）</translation>
    </message>
    <message>
        <source>Medium importance ({0})</source>
        <translation>重要性中（{0}）</translation>
    </message>
    <message>
        <source>Low importance ({0})</source>
        <translation>重要性低（{0}）</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date: {0}</source>
        <translation>日期：{0}</translation>
    </message>
    <message>
        <source>A finding is a reason to look, not an error: a rule between figures that does not hold, a figure that stands out from its series, a figure without a source, or one marked doubtful. “Checked, value correct” holds while the value stays the same.</source>
        <translation>发现的问题是需要核查的理由，不一定是错误：数据之间的校验规则不成立、某个数值明显偏离其序列、数据没有来源，或数据被标记为存疑。“已核实，数值无误”在数值不变时一直有效。</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>没有发现问题。</translation>
    </message>
    <message>
        <source>{0} more not listed here; the Data Quality tab lists them all.</source>
        <translation>另有 {0} 条未在此列出；“数据质量”标签页列出全部。</translation>
    </message>
    <message>
        <source>Progress against targets</source>
        <translation>目标完成情况</translation>
    </message>
    <message>
        <source>The report could not be written.</source>
        <translation>报告无法写入。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Where in it</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Where / program</source>
        <translation>地点 / 项目</translation>
    </message>
    <message>
        <source>Derived: </source>
        <translation>推导说明：</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>无年份</translation>
    </message>
    <message>
        <source>Showing {0} of {1} figures. The timeline above plots them all; File › Export › Tables lists them all.</source>
        <translation>此处列出 {1} 个数据中的前 {0} 个。上方时间线画出全部数据；“文件 › 导出 › 表格”可导出全部。</translation>
    </message>
    <message>
        <source>Results against targets</source>
        <translation>目标完成情况</translation>
    </message>
    <message>
        <source>Nothing selected.</source>
        <translation>未选择。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>About the names</source>
        <translation>名称说明</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Statistical code</source>
        <translation>统计用区划代码</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>— Chinese map datum, offset some hundreds of metres from GPS/WGS-84</source>
        <translation>—— 国内地图坐标系，与 GPS/WGS-84 相差数百米</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>no coordinates in the sources</source>
        <translation>来源中无坐标</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Contains</source>
        <translation>下辖</translation>
    </message>
    <message>
        <source>Programs active here</source>
        <translation>在此实施的项目</translation>
    </message>
    <message>
        <source>No program in the sources names this place.</source>
        <translation>来源中没有项目提到此地。</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>No figures recorded yet: the sources give none for this place.</source>
        <translation>尚无数据记录：来源中没有此地的数据。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>大事记</translation>
    </message>
    <message>
        <source>Select a place.</source>
        <translation>请选择一个地点。</translation>
    </message>
    <message>
        <source>Select a place to see its timeline.</source>
        <translation>选择地点以查看其时间线。</translation>
    </message>
    <message>
        <source>No figures recorded yet for this place.</source>
        <translation>此地尚无数据记录。</translation>
    </message>
    <message>
        <source>East–west cooperation projects</source>
        <translation>东西部协作项目</translation>
    </message>
    <message>
        <source>No projects entered.</source>
        <translation>尚未录入协作项目。</translation>
    </message>
    <message>
        <source>“Add project” (top right) enters one into the ledger.</source>
        <translation>点击右上角“添加协作项目”录入台账。</translation>
    </message>
    <message>
        <source>Projects entered</source>
        <translation>已录入项目数</translation>
    </message>
    <message>
        <source>Projects reported</source>
        <translation>报告项目数</translation>
    </message>
    <message>
        <source>Funds entered</source>
        <translation>已录入资金</translation>
    </message>
    <message>
        <source>Funds reported</source>
        <translation>报告资金</translation>
    </message>
    <message>
        <source>Totals per year, beside the figures reported for the program:</source>
        <translation>年度合计（与该帮扶项目报告的数据对照）：</translation>
    </message>
    <message>
        <source>({0} without funds)</source>
        <translation>（{0} 个未填资金）</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>协作项目</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>协作方</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>受益对象</translation>
    </message>
    <message>
        <source>Projects:</source>
        <translation>协作项目：</translation>
    </message>
    <message>
        <source>not given in the sources</source>
        <translation>来源中未给出</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Funders</source>
        <translation>出资方</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要数据</translation>
    </message>
    <message>
        <source>Select a program.</source>
        <translation>请选择一个项目。</translation>
    </message>
    <message>
        <source>Select a program to see its timeline.</source>
        <translation>选择项目以查看其时间线。</translation>
    </message>
    <message>
        <source>No dated figures for this program yet: the sources give its figures without a year.</source>
        <translation>此项目尚无带年份的数据：来源给出的数据没有年份。</translation>
    </message>
    <message>
        <source>official</source>
        <translation>官方</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>原始来源</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>转引来源</translation>
    </message>
    <message>
        <source>read on a mirror copy</source>
        <translation>转载副本</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>未核实</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布方</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Other records citing it</source>
        <translation>引用它的其他记录</translation>
    </message>
    <message>
        <source>, and {0} more</source>
        <translation>，另有 {0} 条</translation>
    </message>
    <message>
        <source>Figures citing this source</source>
        <translation>引用此来源的数据</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>no direction</source>
        <translation>无方向</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>计数方式</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>per period</source>
        <translation>按期</translation>
    </message>
    <message>
        <source>Select a source or an indicator.</source>
        <translation>请选择一个来源或指标。</translation>
    </message>
    <message>
        <source>Households below the line (derived from a SYNTHETIC register)</source>
        <translation>低于监测线户数（由合成台账推导）</translation>
    </message>
    <message>
        <source>Share of households below the line (derived from a SYNTHETIC register)</source>
        <translation>低于监测线户占比（由合成台账推导）</translation>
    </message>
    <message>
        <source>Households below the line (derived from the register)</source>
        <translation>低于监测线户数（由台账推导）</translation>
    </message>
    <message>
        <source>Share of households below the line (derived from the register)</source>
        <translation>低于监测线户占比（由台账推导）</translation>
    </message>
    <message>
        <source>households</source>
        <translation>户</translation>
    </message>
    <message>
        <source>Export household table</source>
        <translation>导出农户表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>sha256 not worked out</source>
        <translation>未计算 sha256</translation>
    </message>
    <message>
        <source>(edited in this window since, not saved yet)</source>
        <translation>（此后在本窗口中修改过，尚未保存）</translation>
    </message>
    <message>
        <source>Derived from register {0} ({1}, {2} households) with rule set {3} v{4}; not reported figures.</source>
        <translation>由台账 {0}（{1}，{2} 户）按规则集 {3} 第 {4} 版推导；不是上报数据。</translation>
    </message>
    <message>
        <source>SYNTHETIC households, not real data: every household in this register is invented.</source>
        <translation>合成数据，非真实数据：此台账中的每一户都是虚构的。</translation>
    </message>
    <message>
        <source>cannot be made (no income or no line)</source>
        <translation>无法判断（无收入或无监测线）</translation>
    </message>
    <message>
        <source>met: incidence {0} below {1}</source>
        <translation>达标：发生率 {0}，低于 {1}</translation>
    </message>
    <message>
        <source>not met: incidence {0}, not below {1}</source>
        <translation>未达标：发生率 {0}，不低于 {1}</translation>
    </message>
    <message>
        <source>{0} of {1} relocated households with labour have someone employed ({2})</source>
        <translation>{1} 户有劳动力的搬迁户中 {0} 户有人就业（{2}）</translation>
    </message>
    <message>
        <source>no relocated households with labour</source>
        <translation>无有劳动力的搬迁户</translation>
    </message>
    <message>
        <source>no line for {0} in the rule set</source>
        <translation>规则集中没有 {0} 年的监测线</translation>
    </message>
    <message>
        <source>{0} yuan per person</source>
        <translation>每人 {0} 元</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>{0} ({1} persons)</source>
        <translation>{0}（{1} 人）</translation>
    </message>
    <message>
        <source>In monitoring (status now)</source>
        <translation>监测中（当前状态）</translation>
    </message>
    <message>
        <source>Monitoring line {0}</source>
        <translation>{0} 年监测线</translation>
    </message>
    <message>
        <source>Below the line</source>
        <translation>低于监测线</translation>
    </message>
    <message>
        <source>{0} of {1} with an income ({2})</source>
        <translation>有收入记录的 {1} 户中 {0} 户（{2}）</translation>
    </message>
    <message>
        <source>Exit check (incidence &lt; {0})</source>
        <translation>退出核查（发生率 &lt; {0}）</translation>
    </message>
    <message>
        <source>Relocation follow-up</source>
        <translation>搬迁后续扶持</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>风险灯</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>监测线</translation>
    </message>
    <message>
        <source>Share below</source>
        <translation>低于线占比</translation>
    </message>
    <message>
        <source>Incidence</source>
        <translation>发生率</translation>
    </message>
    <message>
        <source>Relocated employed</source>
        <translation>搬迁户就业</translation>
    </message>
    <message>
        <source>Risk light: {0} ({1})</source>
        <translation>风险灯：{0}（{1} 年）</translation>
    </message>
    <message>
        <source>Monitoring (household register)</source>
        <translation>防返贫监测（农户台账）</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>The register has no households here.</source>
        <translation>台账中此地没有农户。</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>分年度</translation>
    </message>
    <message>
        <source>Working out the other years…</source>
        <translation>正在计算其他年份…</translation>
    </message>
    <message>
        <source>The lights&apos; thresholds other than the exit check are local working settings, not policy; incidence here is over the register&apos;s persons, not the official rural population.</source>
        <translation>除退出核查外，风险灯的阈值都是本地工作设定，不是政策规定；此处发生率以台账人口为分母，不是官方农村人口。</translation>
    </message>
    <message>
        <source>Households by income per person, {0} (yuan)</source>
        <translation>{0} 年按人均纯收入分组的户数（元）</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>In monitoring</source>
        <translation>监测中</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Villages most at risk</source>
        <translation>风险最高的村</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Relocated</source>
        <translation>搬迁户</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Households of the whole register by income per person, {0} (yuan)</source>
        <translation>全台账按人均纯收入分组的户数，{0} 年（元）</translation>
    </message>
    <message>
        <source>Anonymised: counts from 1 to {0} are suppressed (x), and more cells so that none can be worked out from the totals; only the year {1} is shown; the histogram is the whole register&apos;s with bins joined so that none holds fewer than {2} households.</source>
        <translation>已脱敏：1 至 {0} 的计数已隐去（x），并另隐去部分单元格，使任何隐去值都无法由合计推出；只显示 {1} 年；直方图为全台账，合并分组使每组不少于 {2} 户。</translation>
    </message>
    <message>
        <source>No risk light in an anonymised report: fewer than {0} households here.</source>
        <translation>脱敏报告不显示风险灯：此地不足 {0} 户。</translation>
    </message>
    <message>
        <source>monitoring line {0}</source>
        <translation>监测线 {0}</translation>
    </message>
    <message>
        <source>households per bin; income per person in yuan</source>
        <translation>每组户数；人均纯收入（元）</translation>
    </message>
    <message>
        <source>Monitoring in the report</source>
        <translation>报告中的监测部分</translation>
    </message>
    <message>
        <source>The report gets a monitoring section from the open household register. Print its full figures, or anonymise it (counts under 5 suppressed) for a report that leaves the office?</source>
        <translation>报告将包含来自当前监测台账的监测部分。打印完整数据，还是为外发报告脱敏（隐去小于 5 的计数）？</translation>
    </message>
    <message>
        <source>Full figures</source>
        <translation>完整数据</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>脱敏</translation>
    </message>
    <message>
        <source>Cooperation projects without a program</source>
        <translation>未归属帮扶项目的协作项目</translation>
    </message>
    <message>
        <source>Mark {0} findings checked, value correct</source>
        <translation>将 {0} 条问题标记为已核实、数值无误</translation>
    </message>
    <message>
        <source>Mark a finding checked, value correct</source>
        <translation>将一条问题标记为已核实、数值无误</translation>
    </message>
    <message>
        <source>Mark {0} findings for follow-up</source>
        <translation>将 {0} 条问题标记为待跟进</translation>
    </message>
    <message>
        <source>Mark a finding for follow-up</source>
        <translation>将一条问题标记为待跟进</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>underway</source>
        <translation>实施中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Doubt</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>The only project entered for this program in {0}.</source>
        <translation>本项目是该帮扶项目 {0} 年唯一已录入的协作项目。</translation>
    </message>
    <message>
        <source>One of {0} projects entered for this program in {1}; their funds: {2}.</source>
        <translation>该帮扶项目 {1} 年已录入 {0} 个协作项目，本项目为其中之一；资金合计：{2}。</translation>
    </message>
    <message>
        <source>{0} of them have no funds entered.</source>
        <translation>其中 {0} 个未填资金。</translation>
    </message>
    <message>
        <source>Select a cooperation project.</source>
        <translation>请选择一个协作项目。</translation>
    </message>
    <message>
        <source>checked, value correct</source>
        <translation>已核实，数值无误</translation>
    </message>
    <message>
        <source>follow up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>尚未处理。</translation>
    </message>
    <message>
        <source>value then: {0}</source>
        <translation>当时数值：{0}</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>none named</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Rule&apos;s message</source>
        <translation>规则说明</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>{0} findings selected. “Checked, value correct” or “Follow up” answers them all in one step.</source>
        <translation>已选 {0} 条问题。“已核实，数值无误”或“待跟进”会一步处理全部所选问题。</translation>
    </message>
    <message>
        <source>No findings: every rule holds, no figure stands out, every figure names a source.</source>
        <translation>没有发现问题：所有规则成立，没有偏离的数值，每个数据都注明了来源。</translation>
    </message>
    <message>
        <source>Select a finding to see what it refers to and the answers given to it. Double-click or Enter opens the figure or rule.</source>
        <translation>选择一条问题，查看它涉及的数据及处理记录。双击或按回车键打开对应的数据或规则。</translation>
    </message>
    <message>
        <source>rule failed or not checked</source>
        <translation>规则未通过或未核对</translation>
    </message>
    <message>
        <source>outlier</source>
        <translation>异常值</translation>
    </message>
    <message>
        <source>rule failed</source>
        <translation>规则未通过</translation>
    </message>
    <message>
        <source>rule not checked</source>
        <translation>规则未核对</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>open: value changed since marked for follow-up</source>
        <translation>待处理：标记待跟进后数值已变</translation>
    </message>
    <message>
        <source>open: value changed since checked</source>
        <translation>待处理：核实后数值已变</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>open (all)</source>
        <translation>待处理（全部）</translation>
    </message>
    <message>
        <source>value changed since marked</source>
        <translation>标记后数值已变</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z 分数</translation>
    </message>
    <message>
        <source>median deviation (MAD)</source>
        <translation>中位数偏差（MAD）</translation>
    </message>
    <message>
        <source>expected range</source>
        <translation>预期范围</translation>
    </message>
    <message>
        <source>change from the previous value</source>
        <translation>与上期相比的变化</translation>
    </message>
    <message>
        <source>source named</source>
        <translation>注明来源</translation>
    </message>
    <message>
        <source>doubt flag</source>
        <translation>存疑标记</translation>
    </message>
    <message>
        <source>1 rule failed</source>
        <translation>1 条规则未通过</translation>
    </message>
    <message>
        <source>{0} rules failed</source>
        <translation>{0} 条规则未通过</translation>
    </message>
    <message>
        <source>1 rule not checked</source>
        <translation>1 条规则未核对</translation>
    </message>
    <message>
        <source>{0} rules not checked</source>
        <translation>{0} 条规则未核对</translation>
    </message>
    <message>
        <source>1 outlier</source>
        <translation>1 个异常值</translation>
    </message>
    <message>
        <source>{0} outliers</source>
        <translation>{0} 个异常值</translation>
    </message>
    <message>
        <source>1 unsourced</source>
        <translation>1 个无来源</translation>
    </message>
    <message>
        <source>{0} unsourced</source>
        <translation>{0} 个无来源</translation>
    </message>
    <message>
        <source>1 doubtful</source>
        <translation>1 个存疑</translation>
    </message>
    <message>
        <source>{0} doubtful</source>
        <translation>{0} 个存疑</translation>
    </message>
    <message>
        <source>{0} to follow up</source>
        <translation>{0} 条待跟进</translation>
    </message>
    <message>
        <source>{0} checked</source>
        <translation>{0} 处已核实</translation>
    </message>
    <message>
        <source>No data-quality findings</source>
        <translation>没有数据质量问题</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>ahead</source>
        <translation>超前</translation>
    </message>
    <message>
        <source>no actual</source>
        <translation>无实际值</translation>
    </message>
    <message>
        <source>cannot judge</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <source>{0} figures, {1}–{2}</source>
        <translation>{0} 个数值，{1}—{2}</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>No targets in this dataset. A figure with the status “target” is compared here with the actual figures of its period; one with the status “baseline” is where the way to it starts.</source>
        <translation>本数据集没有目标。状态为“目标”的数据会在这里与同期的实际数值比较；状态为“基线”的数据是起点。</translation>
    </message>
    <message>
        <source>Targets: {0}</source>
        <translation>目标：{0} 个</translation>
    </message>
    <message>
        <source>Within ±{0} % of the target is on track; short of it behind, past it ahead (following the indicator&apos;s direction). Achieved: the share of the way from the baseline to the target.</source>
        <translation>与目标相差 ±{0}% 以内为正常；未达到为落后，超过为超前（按指标的变化方向判断）。完成度：从基线到目标已走完的比例。</translation>
    </message>
    <message>
        <source>Whole dataset</source>
        <translation>整个数据集</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: {0}

The details were written to {1}. Your data on disk is unchanged.</source>
        <translation>出错了：{0}

详细信息已写入 {1}。磁盘上的数据没有改变。</translation>
    </message>
</context>
<context>
    <name>BubbleChart</name>
    <message>
        <source>no values in this year</source>
        <translation>本年无数值</translation>
    </message>
    <message>
        <source>x</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>y</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>moving from {0} to {1} (consecutive years)</source>
        <translation>由 {0} 年移向 {1} 年（相邻年份）</translation>
    </message>
    <message>
        <source>no value in {0}</source>
        <translation>{0} 年无数值</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>无数值</translation>
    </message>
    <message>
        <source>Derived: {0}</source>
        <translation>推导说明：{0}</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
</context>
<context>
    <name>BubbleExport</name>
    <message>
        <source>Could not write {0}.</source>
        <translation>无法写入 {0}。</translation>
    </message>
</context>
<context>
    <name>BubbleLegend</name>
    <message>
        <source>observed (reported)</source>
        <translation>观测值（上报）</translation>
    </message>
    <message>
        <source>derived (worked out)</source>
        <translation>推导值（计算得出）</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>Size (area): {0}</source>
        <translation>大小（面积）：{0}</translation>
    </message>
    <message>
        <source>no size value</source>
        <translation>无大小数值</translation>
    </message>
    <message>
        <source>Colour: {0}</source>
        <translation>颜色：{0}</translation>
    </message>
    <message>
        <source>lowest ({0})</source>
        <translation>最低（{0}）</translation>
    </message>
    <message>
        <source>highest ({0})</source>
        <translation>最高（{0}）</translation>
    </message>
    <message>
        <source>no colour value</source>
        <translation>无颜色数值</translation>
    </message>
    <message>
        <source>Bubbles only in years with values;</source>
        <translation>仅在有数值的年份显示气泡；</translation>
    </message>
    <message>
        <source>straight moves only between consecutive years.</source>
        <translation>仅在相邻年份之间直线移动。</translation>
    </message>
</context>
<context>
    <name>ChartOptionsDialog</name>
    <message>
        <source>Chart size</source>
        <translation>图表尺寸</translation>
    </message>
    <message>
        <source>Width (pixels)</source>
        <translation>宽度（像素）</translation>
    </message>
    <message>
        <source>Height (pixels)</source>
        <translation>高度（像素）</translation>
    </message>
    <message>
        <source>Resolution (DPI, for PNG)</source>
        <translation>分辨率（DPI，用于 PNG）</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Dongchuan Workbench</source>
        <translation>东川工作台</translation>
    </message>
    <message>
        <source>{0} is open in {1}, process {2} on {3}.</source>
        <translation>{0} 已在{1}中打开（{3} 上的进程 {2}）。</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>{0} (copy; Save As to keep it)</source>
        <translation>{0}（副本；请用“另存为”保存）</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>The document has no file yet; use Save As.</source>
        <translation>文档还没有文件，请使用“另存为”。</translation>
    </message>
    <message>
        <source>{0} is open read-only; use Save As to keep your changes in another file.</source>
        <translation>{0} 以只读方式打开；请用“另存为”把修改保存到另一个文件。</translation>
    </message>
    <message>
        <source>{0} is read-only (no permission to write it or its folder); use Save As to keep your changes in another file.</source>
        <translation>{0} 是只读文件（无权写入该文件或其所在文件夹）；请用“另存为”把修改保存到其他文件。</translation>
    </message>
    <message>
        <source>Could not save the household register: {0}. Nothing was saved.</source>
        <translation>无法保存监测台账：{0}。没有保存任何内容。</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}. The file on disk is unchanged.</source>
        <translation>无法保存 {0}：{1}。磁盘上的文件没有改变。</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>This document is open read-only.</source>
        <translation>此文档以只读方式打开。</translation>
    </message>
    <message>
        <source>Rename {0}</source>
        <translation>重命名{0}</translation>
    </message>
    <message>
        <source>Change {0} of {1} “{2}”</source>
        <translation>修改{1}“{2}”的{0}</translation>
    </message>
    <message>
        <source>Add an indicator first.</source>
        <translation>请先添加一个指标。</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>添加{0}</translation>
    </message>
    <message>
        <source>“{0}” cannot be removed: {1}.</source>
        <translation>无法删除“{0}”：{1}。</translation>
    </message>
    <message>
        <source>Remove {0} “{1}”</source>
        <translation>删除{0}“{1}”</translation>
    </message>
    <message>
        <source> (and {0} linked records)</source>
        <translation>（及 {0} 条关联记录）</translation>
    </message>
</context>
<context>
    <name>EditPanel</name>
    <message>
        <source>figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>story</source>
        <translation>故事</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this record</source>
        <translation>删除此记录</translation>
    </message>
    <message>
        <source>Belonging to it:</source>
        <translation>下属记录：</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>无年份</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <source>DHIS2 import (dry run)</source>
        <translation>DHIS2 导入（预检（不写入））</translation>
    </message>
    <message>
        <source>This document is open read-only.</source>
        <translation>此文档以只读方式打开。</translation>
    </message>
    <message>
        <source>Import figures</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>电子表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Import {0} figures from {1}</source>
        <translation>从 {1} 导入 {0} 条数据</translation>
    </message>
    <message>
        <source>Import DHIS2 data values</source>
        <translation>导入 DHIS2 数据值</translation>
    </message>
    <message>
        <source>DHIS2 data value sets (*.json *.csv)</source>
        <translation>DHIS2 数据值集 (*.json *.csv)</translation>
    </message>
    <message>
        <source>Import DHIS2 values from {0}</source>
        <translation>从 {0} 导入 DHIS2 数据值</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Save data-quality report</source>
        <translation>保存数据质量报告</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Export cooperation ledger</source>
        <translation>导出协作项目台账</translation>
    </message>
    <message>
        <source>Ledger written to {0}: {1} projects.</source>
        <translation>台账已写入 {0}：{1} 个项目。</translation>
    </message>
    <message>
        <source>Ledger written to {0}: no projects entered, headers only.</source>
        <translation>台账已写入 {0}：尚未录入项目，只有表头。</translation>
    </message>
    <message>
        <source>Export DHIS2 data values</source>
        <translation>导出 DHIS2 数据值</translation>
    </message>
    <message>
        <source>DHIS2 JSON (*.json);;DHIS2 CSV (*.csv)</source>
        <translation>DHIS2 JSON (*.json);;DHIS2 CSV (*.csv)</translation>
    </message>
    <message>
        <source>{0} values written; {1} figures left out (no period or no place)</source>
        <translation>已写入 {0} 个数据值；{1} 条数据未导出（无时期或无地点）</translation>
    </message>
    <message>
        <source>This tab shows no timeline to export.</source>
        <translation>此页没有可导出的时间线。</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>将报告保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>program</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>story</source>
        <translation>故事</translation>
    </message>
    <message>
        <source>reference line</source>
        <translation>标准线</translation>
    </message>
    <message>
        <source>rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>household register</source>
        <translation>农户台账</translation>
    </message>
    <message>
        <source>validation rule</source>
        <translation>校验规则</translation>
    </message>
    <message>
        <source>quality mark</source>
        <translation>质量标记</translation>
    </message>
    <message>
        <source>cooperation project</source>
        <translation>协作项目</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <source>Summary (Chinese)</source>
        <translation>中文简介</translation>
    </message>
    <message>
        <source>Summary (English)</source>
        <translation>英文简介</translation>
    </message>
    <message>
        <source>Text (Chinese)</source>
        <translation>中文正文</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>英文正文</translation>
    </message>
    <message>
        <source>Message (Chinese)</source>
        <translation>中文提示</translation>
    </message>
    <message>
        <source>Message (English)</source>
        <translation>英文提示</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Where in the source</source>
        <translation>出处位置</translation>
    </message>
    <message>
        <source>How it was derived</source>
        <translation>推导方法</translation>
    </message>
    <message>
        <source>Doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>相关地点</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>相关项目</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布方</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Note on the name</source>
        <translation>名称说明</translation>
    </message>
    <message>
        <source>Statistical code</source>
        <translation>统计用区划代码</translation>
    </message>
    <message>
        <source>Code edition</source>
        <translation>区划代码版本</translation>
    </message>
    <message>
        <source>Place above</source>
        <translation>上级地点</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Funders</source>
        <translation>出资方</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Better when</source>
        <translation>向好方向</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计值</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Lowest possible value</source>
        <translation>最小可能值</translation>
    </message>
    <message>
        <source>Highest possible value</source>
        <translation>最大可能值</translation>
    </message>
    <message>
        <source>Part of indicator</source>
        <translation>属于指标</translation>
    </message>
    <message>
        <source>Lowest expected value</source>
        <translation>预期下限</translation>
    </message>
    <message>
        <source>Highest expected value</source>
        <translation>预期上限</translation>
    </message>
    <message>
        <source>Largest plausible change (times)</source>
        <translation>最大合理变化（倍）</translation>
    </message>
    <message>
        <source>Adds up over places</source>
        <translation>按地点加总</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Monitoring lines by year</source>
        <translation>历年监测标准</translation>
    </message>
    <message>
        <source>Years above the line to be stable</source>
        <translation>稳定所需连续年数</translation>
    </message>
    <message>
        <source>Highest share of rigid spending</source>
        <translation>刚性支出占比上限</translation>
    </message>
    <message>
        <source>Largest income drop on last year</source>
        <translation>收入同比降幅上限</translation>
    </message>
    <message>
        <source>Highest incidence for exit (%)</source>
        <translation>退出贫困发生率上限（%）</translation>
    </message>
    <message>
        <source>Fewest employed per relocated household</source>
        <translation>搬迁户最少就业人数</translation>
    </message>
    <message>
        <source>Without labour: always monitored</source>
        <translation>无劳动力户始终监测</translation>
    </message>
    <message>
        <source>File (relative path)</source>
        <translation>文件（相对路径）</translation>
    </message>
    <message>
        <source>Checksum (SHA-256)</source>
        <translation>校验值（SHA-256）</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Invented (synthetic) households</source>
        <translation>虚构（合成）农户</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>Register format version</source>
        <translation>台账格式版本</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运算符</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>When figures are missing</source>
        <translation>数据缺失时</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Right side when marked</source>
        <translation>标记时右侧数值</translation>
    </message>
    <message>
        <source>Marked by</source>
        <translation>标记人</translation>
    </message>
    <message>
        <source>Marked at</source>
        <translation>标记时间</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>协作方</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>受益对象数</translation>
    </message>
    <message>
        <source>Beneficiaries counted in</source>
        <translation>受益对象单位</translation>
    </message>
    <message>
        <source>Kind of source</source>
        <translation>来源类型</translation>
    </message>
    <message>
        <source>Kind of line</source>
        <translation>标准线类型</translation>
    </message>
    <message>
        <source>Kind of value</source>
        <translation>数值性质</translation>
    </message>
    <message>
        <source>Only places of level</source>
        <translation>仅核对此级地点</translation>
    </message>
    <message>
        <source>Value when marked</source>
        <translation>标记时数值</translation>
    </message>
    <message>
        <source>Judged with rule set</source>
        <translation>评判所用规则集</translation>
    </message>
    <message>
        <source>Under program</source>
        <translation>所属项目</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>{0} has unsaved changes. Save them?</source>
        <translation>{0} 有未保存的修改。是否保存？</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Go back to the saved {0}? Your unsaved changes will be lost.</source>
        <translation>还原为已保存的 {0}？未保存的修改将会丢失。</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>文件正在使用</translation>
    </message>
    <message>
        <source>{0}

Open it read-only?</source>
        <translation>{0}

以只读方式打开？</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Save Snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <source>A note for this snapshot:</source>
        <translation>此快照的说明：</translation>
    </message>
    <message>
        <source>Restore snapshot</source>
        <translation>恢复快照</translation>
    </message>
    <message>
        <source>Replace the current data with the snapshot {0}? You can undo this.</source>
        <translation>用快照 {0} 替换当前数据？此操作可以撤销。</translation>
    </message>
    <message>
        <source>an untitled document</source>
        <translation>未命名文档</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>恢复未保存的修改</translation>
    </message>
    <message>
        <source>Unsaved changes to {0} from {1} were found (the program did not close normally). Restore them?</source>
        <translation>发现 {0} 在 {1} 的未保存修改（程序未正常关闭）。是否恢复？</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>{0} is already open.</source>
        <translation>{0} 已经打开。</translation>
    </message>
    <message>
        <source>{0} cannot be written here (no permission), so it is open read-only; Save As keeps your changes in another file.</source>
        <translation>{0} 在此处不可写（没有权限），因此以只读方式打开；可用“另存为”把修改保存到其他文件。</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>The snapshot could not be written: {0}</source>
        <translation>无法写入快照：{0}</translation>
    </message>
    <message>
        <source>Snapshot saved: {0}</source>
        <translation>快照已保存：{0}</translation>
    </message>
    <message>
        <source>Restore snapshot {0}</source>
        <translation>恢复快照 {0}</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Town / village</source>
        <translation>乡镇 / 村</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>in monitoring (any type)</source>
        <translation>监测中（任一类别）</translation>
    </message>
    <message>
        <source>or among the other causes</source>
        <translation>或在其他致贫原因中</translation>
    </message>
    <message>
        <source>relocated</source>
        <translation>搬迁户</translation>
    </message>
    <message>
        <source>not relocated</source>
        <translation>非搬迁户</translation>
    </message>
    <message>
        <source>below the line</source>
        <translation>低于监测线</translation>
    </message>
    <message>
        <source>at or above the line</source>
        <translation>不低于监测线</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Monitoring type</source>
        <translation>监测对象类别</translation>
    </message>
    <message>
        <source>Risk status</source>
        <translation>风险状态</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>户属性</translation>
    </message>
    <message>
        <source>Main cause</source>
        <translation>主要致贫原因</translation>
    </message>
    <message>
        <source>Relocated</source>
        <translation>搬迁户</translation>
    </message>
    <message>
        <source>Monitoring line</source>
        <translation>监测线</translation>
    </message>
    <message>
        <source>Income from</source>
        <translation>收入从</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>研判结果</translation>
    </message>
    <message>
        <source>any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All towns and villages</source>
        <translation>全部乡镇和村</translation>
    </message>
    <message>
        <source>newly below the what-if line ({0}), without transfer income</source>
        <translation>模拟监测线下新增（{0}，不计转移性收入）</translation>
    </message>
    <message>
        <source>newly below the what-if line ({0})</source>
        <translation>模拟监测线下新增（{0}）</translation>
    </message>
    <message>
        <source>{0} of {1} households shown</source>
        <translation>显示 {1} 户中的 {0} 户</translation>
    </message>
    <message>
        <source>{0} persons</source>
        <translation>{0} 人</translation>
    </message>
    <message>
        <source>{0} in monitoring</source>
        <translation>{0} 户监测中</translation>
    </message>
    <message>
        <source>{0} below the line</source>
        <translation>{0} 户低于监测线</translation>
    </message>
    <message>
        <source>{0} without income recorded</source>
        <translation>{0} 户无收入记录</translation>
    </message>
</context>
<context>
    <name>HouseholdCardPane</name>
    <message>
        <source>Select a household in the table to see its card.</source>
        <translation>在表中选择一户以查看其档案。</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>An invented household, not real data.</source>
        <translation>虚构农户，非真实数据。</translation>
    </message>
    <message>
        <source>Rule verdict</source>
        <translation>规则研判</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Income per person and the monitoring line</source>
        <translation>人均纯收入与监测线</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Monitoring case</source>
        <translation>监测情况</translation>
    </message>
    <message>
        <source>History</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>Not judged: no rule set.</source>
        <translation>未研判：没有规则集。</translation>
    </message>
    <message>
        <source>The {0} income ({1} yuan) is not the sum of its four parts ({2} yuan): the parts were not changed with it.</source>
        <translation>{0} 年收入（{1} 元）不等于四项构成之和（{2} 元）：修改收入时构成未随之修改。</translation>
    </message>
    <message>
        <source>Set risk status of {0}</source>
        <translation>设置 {0} 的风险状态</translation>
    </message>
    <message>
        <source>Change measures of {0}</source>
        <translation>修改 {0} 的帮扶措施</translation>
    </message>
    <message>
        <source>Set income {1} of {0}</source>
        <translation>设置 {0} 的 {1} 年收入</translation>
    </message>
</context>
<context>
    <name>HouseholdExport</name>
    <message>
        <source>Writing {0} households to {1}…</source>
        <translation>正在把 {0} 户写入 {1}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export household table</source>
        <translation>导出农户表</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import figures from {0}</source>
        <translation>从 {0} 导入数据</translation>
    </message>
    <message>
        <source>— not in the sheet —</source>
        <translation>—— 表中没有 ——</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Choose the column for each field (* required). Each row is checked as you choose; nothing changes until you apply, and the whole import can be undone in one step.</source>
        <translation>为每个字段选择对应的列（* 为必填）。选择时逐行检查；点击“应用”前不会做任何修改，整个导入可以一步撤销。</translation>
    </message>
    <message>
        <source>Dry run: {0}.</source>
        <translation>预检（不写入）：{0}。</translation>
    </message>
</context>
<context>
    <name>IncomePlot</name>
    <message>
        <source>monitoring line (verified)</source>
        <translation>监测线（已核实）</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>未核实</translation>
    </message>
</context>
<context>
    <name>LegendBody</name>
    <message>
        <source>Reported value</source>
        <translation>报告值</translation>
    </message>
    <message>
        <source>Derived (worked out, not reported): dashed outline</source>
        <translation>推导值（计算所得，非报告数）：虚线边框</translation>
    </message>
    <message>
        <source>Doubtful (sources disagree, or an estimate): orange outline</source>
        <translation>存疑（来源不一致或为估计数）：橙色边框</translation>
    </message>
    <message>
        <source>No value for this year: hatched, hollow</source>
        <translation>该年无数值：空心斜线圆</translation>
    </message>
    <message>
        <source>District seat (its figure in the read-out)</source>
        <translation>区政府驻地（其数值见下方读数）</translation>
    </message>
    <message>
        <source>Colour: value</source>
        <translation>颜色：数值</translation>
    </message>
    <message>
        <source>Size: area ∝ value</source>
        <translation>大小：面积与数值成正比</translation>
    </message>
    <message>
        <source>The same scales for every year.</source>
        <translation>各年份使用同一标尺。</translation>
    </message>
</context>
<context>
    <name>LightLegend</name>
    <message>
        <source>How the lights are set</source>
        <translation>风险灯如何确定</translation>
    </message>
    <message>
        <source>incidence (persons below the line over persons with an income in the register)</source>
        <translation>发生率（台账中低于监测线人口占有收入记录人口的比例）</translation>
    </message>
    <message>
        <source>share of households below the line</source>
        <translation>低于监测线户占比</translation>
    </message>
    <message>
        <source>share of households in monitoring</source>
        <translation>监测户占比</translation>
    </message>
    <message>
        <source>share of relocated households with labour that have someone employed</source>
        <translation>有劳动力搬迁户中有人就业的比例</translation>
    </message>
    <message>
        <source>share of households without an income that year</source>
        <translation>当年无收入记录户占比</translation>
    </message>
    <message>
        <source>source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <source>sourced</source>
        <translation>有出处</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本地设定</translation>
    </message>
    <message>
        <source>Each village and town gets the worst colour of the thresholds it crosses; green when it crosses none, amber too when the rule set has no line for the year, grey when the register has no households there. Only the exit check comes from a public source; the other values are working settings of this workbench, to be changed locally. Incidence here counts the register&apos;s persons, not the whole rural population: a light is a reason to look, not the official exit decision.</source>
        <translation>每个村和乡镇取其越过的阈值中最严重的颜色；都未越过为绿色，规则集没有当年监测线时也为黄色，台账中无农户时为灰色。只有退出核查阈值来自公开来源；其余为本工作台的工作设定，可在本地修改。此处发生率以台账人口计，不是全部农村人口：风险灯提示需要关注，不是官方退出认定。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Save Snaps&amp;hot…</source>
        <translation>保存快照(&amp;H)…</translation>
    </message>
    <message>
        <source>Open Household &amp;Register…</source>
        <translation>打开监测台账(&amp;R)…</translation>
    </message>
    <message>
        <source>Close Household Register</source>
        <translation>关闭监测台账</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Figures from a Spreadsheet (XLSX, CSV)…</source>
        <translation>电子表格中的数据（XLSX、CSV）…</translation>
    </message>
    <message>
        <source>DHIS2 Data Values (JSON, CSV)…</source>
        <translation>DHIS2 数据值（JSON、CSV）…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Households as Shown (XLSX, CSV)…</source>
        <translation>当前显示的农户（XLSX、CSV）…</translation>
    </message>
    <message>
        <source>Tables (XLSX, CSV)…</source>
        <translation>表格（XLSX、CSV）…</translation>
    </message>
    <message>
        <source>Cooperation Ledger (XLSX, CSV)…</source>
        <translation>东西部协作台账（XLSX、CSV）…</translation>
    </message>
    <message>
        <source>Chart (PNG, SVG)…</source>
        <translation>图表（PNG、SVG）…</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <source>Data-Quality Report (PDF)…</source>
        <translation>数据质量报告（PDF）…</translation>
    </message>
    <message>
        <source>&amp;Print Report…</source>
        <translation>打印报告(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>New Program</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>New Place</source>
        <translation>新建地点</translation>
    </message>
    <message>
        <source>New Indicator</source>
        <translation>新建指标</translation>
    </message>
    <message>
        <source>New Source</source>
        <translation>新建来源</translation>
    </message>
    <message>
        <source>Remove Selected Record…</source>
        <translation>删除所选记录…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>As the computer</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Invented figures, not real data</source>
        <translation>虚构数据，非真实数据</translation>
    </message>
    <message>
        <source>{0} places, {1} programs, {2} figures, {3} sources</source>
        <translation>{0} 个地点，{1} 个项目，{2} 条数据，{3} 个来源</translation>
    </message>
    <message>
        <source> · {0} warnings</source>
        <translation> · {0} 条警告</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <source>[invented figures]</source>
        <translation>［虚构数据］</translation>
    </message>
    <message>
        <source>{0}[*] — Dongchuan Workbench</source>
        <translation>{0}[*] — 东川工作台</translation>
    </message>
    <message>
        <source>Dongchuan Workbench</source>
        <translation>东川工作台</translation>
    </message>
    <message>
        <source>Problems in {0}</source>
        <translation>{0} 中的问题</translation>
    </message>
    <message>
        <source>{0} opened with {1} warnings.</source>
        <translation>{0} 已打开，有 {1} 条警告。</translation>
    </message>
    <message>
        <source>{0} could not be opened: {1} problems. Nothing was changed; the open dataset stays as it was.</source>
        <translation>无法打开 {0}：有 {1} 个问题。没有做任何修改，当前数据集保持不变。</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>…… 另有 {0} 个</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>语言将在下次启动时切换。</translation>
    </message>
    <message>
        <source>About Dongchuan Workbench</source>
        <translation>关于东川工作台</translation>
    </message>
    <message>
        <source>Dongchuan Workbench {0}
A sourced record of Dongchuan District&apos;s poverty-alleviation programs.</source>
        <translation>东川工作台 {0}
东川区脱贫攻坚项目的有出处的记录。</translation>
    </message>
</context>
<context>
    <name>MapTab</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>上一年</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>下一年</translation>
    </message>
    <message>
        <source>Towns and villages</source>
        <translation>乡镇和村</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Show every place again after zooming or panning</source>
        <translation>缩放或平移后重新显示全部地点</translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>{0} (no value)</source>
        <translation>{0}（无数值）</translation>
    </message>
    <message>
        <source>Dongchuan map</source>
        <translation>东川地图</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>MapText</name>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>households</source>
        <translation>户</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>units</source>
        <translation>个</translation>
    </message>
    <message>
        <source>Point at a place to read its figure; click it to open the place.</source>
        <translation>鼠标指向地点可读取数值；点击可打开该地点。</translation>
    </message>
    <message>
        <source>Datum: WGS-84 (converted from GCJ-02)</source>
        <translation>坐标系：WGS-84（由 GCJ-02 转换）</translation>
    </message>
    <message>
        <source>Datum: WGS-84</source>
        <translation>坐标系：WGS-84</translation>
    </message>
    <message>
        <source>Local equal-distance projection centred on the district seat</source>
        <translation>以区政府驻地为中心的局部等距投影</translation>
    </message>
    <message>
        <source>No district outline: no openly licensed boundary is available offline</source>
        <translation>未绘区界：离线条件下没有开放许可的边界数据</translation>
    </message>
    <message>
        <source>{0} places with an unknown datum are not drawn</source>
        <translation>{0} 个坐标系不明的地点未绘出</translation>
    </message>
    <message>
        <source>{0} of {1} towns, townships and subdistricts have no coordinates in the sources and are not drawn</source>
        <translation>{1} 个乡镇（街道）中有 {0} 个在资料中没有坐标，未绘出</translation>
    </message>
    <message>
        <source>{0} of {1} villages, communities and resettlement sites have no coordinates in the sources and are not drawn</source>
        <translation>{1} 个村（社区）及安置点中有 {0} 个在资料中没有坐标，未绘出</translation>
    </message>
    <message>
        <source>Nothing to draw</source>
        <translation>无可绘制内容</translation>
    </message>
    <message>
        <source>No figure has a value at a place with coordinates.</source>
        <translation>有坐标的地点都没有数值。</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>{0} of {1} places drawn have a value for {2}</source>
        <translation>{2} 年：所绘 {1} 个地点中 {0} 个有数值</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>无数值</translation>
    </message>
    <message>
        <source>Also at this spot: {0}</source>
        <translation>同一位置还有：{0}</translation>
    </message>
    <message>
        <source>Invented figures: the household register is synthetic</source>
        <translation>虚构数字：监测台账为合成数据</translation>
    </message>
    <message>
        <source>Size: area ∝ value, in {0}</source>
        <translation>大小：面积与数值成正比，单位：{0}</translation>
    </message>
    <message>
        <source>{0} (district total, not drawn as a bubble)</source>
        <translation>{0}（全区合计，不画成圆）</translation>
    </message>
    <message>
        <source>{0}: no figures</source>
        <translation>{0}：无数据</translation>
    </message>
    <message>
        <source>{0} · {1} · {2}: no value</source>
        <translation>{0} · {1} · {2}：无数值</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>derived: {0}</source>
        <translation>推导：{0}</translation>
    </message>
    <message>
        <source>source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>无来源</translation>
    </message>
    <message>
        <source>partial: not every place below has a value</source>
        <translation>不完整：并非所有下级地点都有数值</translation>
    </message>
    <message>
        <source>doubtful: sources disagree, or an estimate</source>
        <translation>存疑：来源不一致或为估计数</translation>
    </message>
</context>
<context>
    <name>MeasureChoices</name>
    <message>
        <source>Towns</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>Y axis</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(one colour)</source>
        <translation>（单一颜色）</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By town</source>
        <translation>按乡镇</translation>
    </message>
</context>
<context>
    <name>MonitoringController</name>
    <message>
        <source>the dataset refers to no household register</source>
        <translation>数据集没有引用监测台账</translation>
    </message>
    <message>
        <source>Open Household Register</source>
        <translation>打开监测台账</translation>
    </message>
    <message>
        <source>Household registers (*.parquet);;All files (*)</source>
        <translation>监测台账 (*.parquet);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The dataset&apos;s household register was not opened: {0}</source>
        <translation>未打开数据集引用的监测台账：{0}</translation>
    </message>
    <message>
        <source>Household register {0}: {1} households, {2} villages, year {3}</source>
        <translation>监测台账 {0}：{1} 户，{2} 个村，{3} 年</translation>
    </message>
    <message>
        <source>the register file changed since</source>
        <translation>此后台账文件已改变</translation>
    </message>
    <message>
        <source>Recovered edits of {0} households</source>
        <translation>恢复 {0} 户的修改</translation>
    </message>
    <message>
        <source>{0} households not in the register</source>
        <translation>{0} 户不在台账中</translation>
    </message>
    <message>
        <source>Unsaved household edits were found but not applied: {0}.</source>
        <translation>发现未保存的农户修改，但未能恢复：{0}。</translation>
    </message>
    <message>
        <source>Open a household register first.</source>
        <translation>请先打开监测台账。</translation>
    </message>
    <message>
        <source>{0} households written to {1}</source>
        <translation>已将 {0} 户写入 {1}</translation>
    </message>
    <message>
        <source>SYNTHETIC households, not real data</source>
        <translation>合成数据：虚构农户，非真实数据</translation>
    </message>
    <message>
        <source>This register was generated: every household in it is invented.</source>
        <translation>此台账由程序生成：其中每一户都是虚构的。</translation>
    </message>
    <message>
        <source>{0} is a partitioned register: its households cannot be saved from here</source>
        <translation>{0} 是分区台账：无法在此保存其农户数据</translation>
    </message>
</context>
<context>
    <name>MonitoringOverviewTab</name>
    <message>
        <source>No household register is open.
Open one with File › Open Household Register…, or open a dataset that refers to one.</source>
        <translation>尚未打开监测台账。
可用“文件 › 打开监测台账…”打开，或打开引用了台账的数据集。</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>防返贫监测</translation>
    </message>
    <message>
        <source>SYNTHETIC households, not real data: every figure on this page is worked out from invented households.</source>
        <translation>合成数据，非真实数据：本页每个数字都由虚构农户算出。</translation>
    </message>
    <message>
        <source>A new rule set: a copy of “{0}” with the {1} line for province {2} set to {3} yuan, marked not verified. The rule set in use and the households stay as they are; Undo removes the new rule set.</source>
        <translation>新规则集：复制“{0}”，把省份 {2} 的 {1} 年监测线设为 {3} 元，标为未核实。当前使用的规则集和农户数据不变；撤销即删除新规则集。</translation>
    </message>
    <message>
        <source>The rule set needs an English title.</source>
        <translation>规则集需要英文标题。</translation>
    </message>
    <message>
        <source>A rule set with the id “{0}” exists already.</source>
        <translation>已有编号为“{0}”的规则集。</translation>
    </message>
    <message>
        <source>Save what-if line {0} yuan as rule set “{1}”</source>
        <translation>把模拟监测线 {0} 元保存为规则集“{1}”</translation>
    </message>
</context>
<context>
    <name>MonitoringTab</name>
    <message>
        <source>SYNTHETIC households, not real data: every household in this register was generated.</source>
        <translation>合成数据，非真实数据：此台账中的每一户都是程序生成的。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Go to household number…</source>
        <translation>转到户编号…</translation>
    </message>
    <message>
        <source>No household register is open.</source>
        <translation>尚未打开监测台账。</translation>
    </message>
    <message>
        <source>Open one with File › Open Household Register…
A synthetic one for trying things out: dongchuan register generate</source>
        <translation>用“文件 › 打开监测台账…”打开。
试用的合成台账可用命令生成：dongchuan register generate</translation>
    </message>
    <message>
        <source>Open Household Register…</source>
        <translation>打开监测台账…</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>农户台账</translation>
    </message>
    <message>
        <source>{0}: {1} households, {2} villages</source>
        <translation>{0}：{1} 户，{2} 个村</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>默认列</translation>
    </message>
    <message>
        <source>No household {0} in this register.</source>
        <translation>此台账中没有户编号 {0}。</translation>
    </message>
</context>
<context>
    <name>MotionTab</name>
    <message>
        <source>Motion chart</source>
        <translation>动态气泡图</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格键）</translation>
    </message>
    <message>
        <source>½ year a second</source>
        <translation>每秒半年</translation>
    </message>
    <message>
        <source>1 year a second</source>
        <translation>每秒 1 年</translation>
    </message>
    <message>
        <source>2 years a second</source>
        <translation>每秒 2 年</translation>
    </message>
    <message>
        <source>4 years a second</source>
        <translation>每秒 4 年</translation>
    </message>
    <message>
        <source>Trails</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>Previous positions (dashed across years without values)</source>
        <translation>以往位置（跨越无数值年份处为虚线）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Frame as PNG…</source>
        <translation>当前画面导出为 PNG…</translation>
    </message>
    <message>
        <source>Frame as SVG…</source>
        <translation>当前画面导出为 SVG…</translation>
    </message>
    <message>
        <source>Animation as GIF…</source>
        <translation>动画导出为 GIF…</translation>
    </message>
    <message>
        <source>Animation as PNG frames…</source>
        <translation>动画导出为 PNG 帧序列…</translation>
    </message>
    <message>
        <source>Nothing to animate: no yearly values</source>
        <translation>无可播放内容：没有年度数值</translation>
    </message>
    <message>
        <source>No town, village or program has yearly values for any measure. Add yearly figures, or open a household register in the Monitoring tab.</source>
        <translation>没有任何乡镇、村或项目有年度数值。请添加年度数字，或在“防返贫监测”标签页中打开监测台账。</translation>
    </message>
    <message>
        <source>No yearly values for these units</source>
        <translation>这些单位没有年度数值</translation>
    </message>
    <message>
        <source>No yearly values for these units.</source>
        <translation>这些单位没有年度数值。</translation>
    </message>
    <message>
        <source>No unit has values for both of these measures in the same year.</source>
        <translation>没有任何单位在同一年同时具有这两项指标的数值。</translation>
    </message>
    <message>
        <source>{0} units; values in {1} of the years {2}–{3}.</source>
        <translation>{0} 个单位；{2}–{3} 年中有 {1} 年有数值。</translation>
    </message>
    <message>
        <source>No values in {0} (marked × on the slider).</source>
        <translation>{0} 年无数值（滑块上以 × 标出）。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>There is nothing to export: no year has values.</source>
        <translation>没有可导出的内容：没有任何年份有数值。</translation>
    </message>
    <message>
        <source>Exporting the animation…</source>
        <translation>正在导出动画…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Frame {0} of {1}…</source>
        <translation>第 {0} 帧，共 {1} 帧…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>PNG frames (*.png)</source>
        <translation>PNG 帧序列 (*.png)</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>No dated poverty-incidence figures in this dataset.</source>
        <translation>此数据集中没有带年份的贫困发生率数据。</translation>
    </message>
    <message>
        <source>no figure recorded</source>
        <translation>无数据记录</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>无年份</translation>
    </message>
    <message>
        <source> · doubtful</source>
        <translation> · 存疑</translation>
    </message>
    <message>
        <source>Click to open the source.</source>
        <translation>点击打开来源。</translation>
    </message>
</context>
<context>
    <name>PlaceLights</name>
    <message>
        <source>{0}, risk light {1}</source>
        <translation>{0}，风险灯 {1}</translation>
    </message>
    <message>
        <source>Risk light {0} ({1}), from the household register:</source>
        <translation>风险灯 {0}（{1} 年），来自监测台账：</translation>
    </message>
</context>
<context>
    <name>PlacesTab</name>
    <message>
        <source>Search by Chinese name, pinyin / English name, or code</source>
        <translation>按中文名、拼音/英文名或代码搜索</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>ProgramPane</name>
    <message>
        <source>Add project</source>
        <translation>添加协作项目</translation>
    </message>
    <message>
        <source>Enter an east–west cooperation project of this program into the ledger</source>
        <translation>把该帮扶项目的一个东西部协作项目录入台账</translation>
    </message>
</context>
<context>
    <name>ProgramsTab</name>
    <message>
        <source>Search programs (Chinese or English)</source>
        <translation>搜索项目（中文或英文）</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>QualityFilters</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any importance</source>
        <translation>任意重要性</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>全部地点</translation>
    </message>
    <message>
        <source>All programs</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Search messages and names</source>
        <translation>搜索说明和名称</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>QualityTab</name>
    <message>
        <source>Checked, value correct</source>
        <translation>已核实，数值无误</translation>
    </message>
    <message>
        <source>The figure was looked at and is right; the flag closes until the value changes.</source>
        <translation>已核查该数据且无误；在数值改变之前不再提示。</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Someone has to ask the town office or the source; the flag stays listed.</source>
        <translation>需要向乡镇办公室或来源核实；问题保留在列表中。</translation>
    </message>
    <message>
        <source>Note with the answer (optional)</source>
        <translation>处理备注（可选）</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Data Quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <source>No dataset open.</source>
        <translation>没有打开数据集。</translation>
    </message>
    <message>
        <source>{0} to follow up</source>
        <translation>{0} 条待跟进</translation>
    </message>
    <message>
        <source>{0} findings</source>
        <translation>{0} 条问题</translation>
    </message>
    <message>
        <source>{0} of {1} findings shown</source>
        <translation>显示 {0} / {1} 条问题</translation>
    </message>
    <message>
        <source>Open the figure or rule</source>
        <translation>打开对应的数据或规则</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Nothing to edit.</source>
        <translation>没有可编辑的内容。</translation>
    </message>
    <message>
        <source>Editing {0} “{1}”</source>
        <translation>正在编辑{0}“{1}”</translation>
    </message>
    <message>
        <source>万元 (10,000 yuan): 50.4 million yuan is 5040</source>
        <translation>单位：万元（5040 万元填 5040，不要按元填）</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>latitude, longitude, datum (GCJ-02 or WGS-84)</source>
        <translation>纬度, 经度, 坐标系（GCJ-02 或 WGS-84）</translation>
    </message>
    <message>
        <source>expected &apos;latitude, longitude, datum&apos;</source>
        <translation>应为“纬度, 经度, 坐标系”</translation>
    </message>
    <message>
        <source>latitude and longitude must be numbers</source>
        <translation>纬度和经度必须是数字</translation>
    </message>
    <message>
        <source>{0!r} is not a number</source>
        <translation>{0!r} 不是数字</translation>
    </message>
</context>
<context>
    <name>RecordPane</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>RegisterLoader</name>
    <message>
        <source>Opening the household register {0}…</source>
        <translation>正在打开监测台账 {0}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Household register</source>
        <translation>监测台账</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>Judging every household by the rules…</source>
        <translation>正在按规则逐户研判…</translation>
    </message>
    <message>
        <source>Preparing the what-if line…</source>
        <translation>正在准备监测线模拟…</translation>
    </message>
    <message>
        <source>Showing…</source>
        <translation>正在显示…</translation>
    </message>
    <message>
        <source>{0} is not the register the dataset refers to ({1}). Open it with File › Open Household Register to use it; saving then brings the reference up to date.</source>
        <translation>{0} 不是数据集所引用的台账（{1}）。如需使用，请用“文件 › 打开监测台账”打开；保存后引用会随之更新。</translation>
    </message>
    <message>
        <source>{0}: not enough memory to open this register</source>
        <translation>{0}：内存不足，无法打开此台账</translation>
    </message>
    <message>
        <source>{0}: cannot read: {1}</source>
        <translation>{0}：无法读取：{1}</translation>
    </message>
    <message>
        <source>{0}: cannot open: {1}</source>
        <translation>{0}：无法打开：{1}</translation>
    </message>
</context>
<context>
    <name>RelocationBoard</name>
    <message>
        <source>Relocation follow-up</source>
        <translation>搬迁后续扶持</translation>
    </message>
    <message>
        <source>Resettlement site</source>
        <translation>安置点</translation>
    </message>
    <message>
        <source>Relocated households</source>
        <translation>搬迁户</translation>
    </message>
    <message>
        <source>With labour</source>
        <translation>有劳动力</translation>
    </message>
    <message>
        <source>Enough employed</source>
        <translation>就业达标</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>nobody employed</source>
        <translation>无人就业</translation>
    </message>
    <message>
        <source>employment not recorded</source>
        <translation>就业未记录</translation>
    </message>
    <message>
        <source>Select a site to list its households without a job.</source>
        <translation>选择安置点以列出其无人就业的农户。</translation>
    </message>
    <message>
        <source>Relocation follow-up · {0}</source>
        <translation>搬迁后续扶持 · {0} 年</translation>
    </message>
    <message>
        <source>Goal (policy §4.5): at least {0} person(s) employed in every relocated household with labour. Households whose employment was not recorded count in the share&apos;s base.</source>
        <translation>目标（政策 §4.5）：有劳动力的搬迁户每户至少 {0} 人就业。就业未记录的户计入占比的分母。</translation>
    </message>
    <message>
        <source>{0}: {1} households with labour and nobody employed, {2} not recorded (click one to open its card)</source>
        <translation>{0}：{1} 户有劳动力但无人就业，{2} 户未记录（点击一户打开其档案）</translation>
    </message>
</context>
<context>
    <name>RiskList</name>
    <message>
        <source>Villages most at risk</source>
        <translation>风险最高的村</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>风险灯</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Incidence</source>
        <translation>发生率</translation>
    </message>
    <message>
        <source>Below line</source>
        <translation>低于线</translation>
    </message>
    <message>
        <source>Monitored</source>
        <translation>监测户</translation>
    </message>
    <message>
        <source>Reloc. employed</source>
        <translation>搬迁就业</translation>
    </message>
    <message>
        <source>Towns most at risk</source>
        <translation>风险最高的乡镇</translation>
    </message>
    <message>
        <source>{0} red · {1} amber · {2} green · year {3}</source>
        <translation>红 {0} · 黄 {1} · 绿 {2} · {3} 年</translation>
    </message>
    <message>
        <source>Derived from the register {0} with rule set {1} v{2}, year {3}</source>
        <translation>由台账 {0} 按规则集 {1} 第 {2} 版推导，{3} 年</translation>
    </message>
    <message>
        <source> (synthetic households)</source>
        <translation>（合成农户）</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Left, operator, right</source>
        <translation>左侧 运算符 右侧</translation>
    </message>
    <message>
        <source>Findings now</source>
        <translation>当前发现的问题</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Show its findings</source>
        <translation>查看其发现的问题</translation>
    </message>
    <message>
        <source>Each side is an expression: #{indicator id} is the figure of that indicator at the place, program and year checked; children(#{id}) adds it up over the places directly below; projects.funds, projects.count, projects.people, projects.households come from the cooperation ledger; numbers, + - * / and brackets.</source>
        <translation>每一侧都是一个表达式：#{指标编号} 是所核对的地点、项目和年份中该指标的数据；children(#{编号}) 是直属下级地点的该指标之和；projects.funds、projects.count、projects.people、projects.households 取自东西部协作项目台账；还可以使用数字、+ - * / 和括号。</translation>
    </message>
    <message>
        <source>{0} failed</source>
        <translation>{0} 处未通过</translation>
    </message>
    <message>
        <source>{0} not checked</source>
        <translation>{0} 处未核对</translation>
    </message>
    <message>
        <source>{0} checked</source>
        <translation>{0} 处已核实</translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message>
        <source>Save the what-if as a rule set</source>
        <translation>把模拟保存为规则集</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
</context>
<context>
    <name>SnapshotsTab</name>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Save Snapshot…</source>
        <translation>保存快照…</translation>
    </message>
    <message>
        <source>Snapshots in:</source>
        <translation>快照位置：</translation>
    </message>
    <message>
        <source>Taken (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <source>Compare with current</source>
        <translation>与当前比较</translation>
    </message>
    <message>
        <source>Compare the two selected</source>
        <translation>比较所选两个</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>时间线：</translation>
    </message>
    <message>
        <source>Select a snapshot and compare it with the current data, or select two.</source>
        <translation>选择一个快照与当前数据比较，或选择两个快照相互比较。</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>Snapshot folder</source>
        <translation>快照文件夹</translation>
    </message>
    <message>
        <source>No snapshots here yet: Save Snapshot… keeps the data as it is now, with a note, so you can compare with it or go back to it later.</source>
        <translation>这里还没有快照：“保存快照…”会连同说明保存数据的当前状态，以便日后比较或恢复。</translation>
    </message>
    <message>
        <source>{0} files in the folder could not be read: {1}</source>
        <translation>文件夹中有 {0} 个文件无法读取：{1}</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>{0} → {1}: {2} added, {3} removed, {4} changed</source>
        <translation>{0} → {1}：新增 {2}，删除 {3}，修改 {4}</translation>
    </message>
    <message>
        <source>Nothing to compare yet.</source>
        <translation>尚无可比较的内容。</translation>
    </message>
    <message>
        <source>This series has no dated figures in either version.</source>
        <translation>两个版本中此序列都没有带年份的数据。</translation>
    </message>
</context>
<context>
    <name>SourcesTab</name>
    <message>
        <source>Search sources and indicators</source>
        <translation>搜索来源和指标</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Sources ({0})</source>
        <translation>来源（{0}）</translation>
    </message>
    <message>
        <source>Indicators ({0})</source>
        <translation>指标（{0}）</translation>
    </message>
</context>
<context>
    <name>TimelinePlot</name>
    <message>
        <source>No dated figures to plot.</source>
        <translation>没有带年份的数据可绘制。</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <source>Export Chart (PNG, SVG)…</source>
        <translation>导出图表（PNG、SVG）…</translation>
    </message>
    <message>
        <source>target ±{0} %</source>
        <translation>目标 ±{0}%</translation>
    </message>
    <message>
        <source>target {0}, on track within ±{1} %: {2}–{3}</source>
        <translation>目标 {0}，±{1}% 以内为正常：{2}—{3}</translation>
    </message>
</context>
<context>
    <name>TimelinesTab</name>
    <message>
        <source>Filter indicators</source>
        <translation>筛选指标</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Reference lines</source>
        <translation>参考线</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Solid: reported · dashed: estimate · hollow: target · orange ring: doubtful · dotted: no figures in between</source>
        <translation>实线：实际 · 虚线：估计 · 空心：目标 · 橙色圈：存疑 · 点线：中间无数据</translation>
    </message>
    <message>
        <source>Timelines</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Worked out from the open household register with its rule set; not reported figures.</source>
        <translation>由当前监测台账按其规则集算出；不是上报数据。</translation>
    </message>
    <message>
        <source>Tick one or more series on the left to compare them.</source>
        <translation>在左侧勾选一个或多个序列进行比较。</translation>
    </message>
</context>
<context>
    <name>WhatIfHistogram</name>
    <message>
        <source>income per person (yuan)</source>
        <translation>人均纯收入（元）</translation>
    </message>
    <message>
        <source>households</source>
        <translation>户</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Back to the rule set&apos;s line</source>
        <translation>回到规则集监测线</translation>
    </message>
    <message>
        <source>Without transfer income</source>
        <translation>不计转移性收入</translation>
    </message>
    <message>
        <source>Count each household&apos;s income less its transfer income (pensions, subsidies, minimum living allowance): who would fall below without them.</source>
        <translation>按扣除转移性收入（养老金、补贴、低保金）后的收入计：没有这些收入时谁会低于监测线。</translation>
    </message>
    <message>
        <source>Monitoring category</source>
        <translation>监测类别</translation>
    </message>
    <message>
        <source>Below</source>
        <translation>低于线</translation>
    </message>
    <message>
        <source>Newly below</source>
        <translation>新增低于线</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Villages with the most households below (click to open)</source>
        <translation>低于线户数最多的村（点击打开）</translation>
    </message>
    <message>
        <source>Show newly below in the table</source>
        <translation>在表中显示新增低于线的户</translation>
    </message>
    <message>
        <source>Save as rule set…</source>
        <translation>保存为规则集…</translation>
    </message>
    <message>
        <source>Add a new rule set with this year&apos;s line set to the what-if value, as one step you can undo. The rule set in use and the households are not changed.</source>
        <translation>新增一个规则集，当年监测线设为模拟值，可一步撤销。当前使用的规则集和农户数据不变。</translation>
    </message>
    <message>
        <source>Monitoring line</source>
        <translation>监测线</translation>
    </message>
    <message>
        <source>Live what-if</source>
        <translation>监测线模拟</translation>
    </message>
    <message>
        <source>Live what-if · {0}</source>
        <translation>监测线模拟 · {0} 年</translation>
    </message>
    <message>
        <source>The rule set has no line for {0}.</source>
        <translation>规则集中没有 {0} 年的监测线。</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未核实</translation>
    </message>
    <message>
        <source>▲ rule set line {0}: {1} yuan ({2})</source>
        <translation>▲ 规则集 {0} 年监测线：{1} 元（{2}）</translation>
    </message>
    <message>
        <source>{0} from {1} yuan up</source>
        <translation>{1} 元以上 {0} 户</translation>
    </message>
    <message>
        <source>{0} below 0</source>
        <translation>{0} 户低于 0</translation>
    </message>
    <message>
        <source>Households by {0} income per person</source>
        <translation>按 {0} 年人均纯收入分组的户数</translation>
    </message>
    <message>
        <source>, without transfer income</source>
        <translation>，不计转移性收入</translation>
    </message>
    <message>
        <source>; not drawn: {0}</source>
        <translation>；未画出：{0}</translation>
    </message>
    <message>
        <source>; {0} without an income</source>
        <translation>；{0} 户无收入记录</translation>
    </message>
    <message>
        <source>{0} households below {1} yuan without transfer income ({2} newly below)</source>
        <translation>不计转移性收入时 {0} 户低于 {1} 元（新增 {2} 户）</translation>
    </message>
    <message>
        <source>{0} households below {1} yuan ({2} newly below)</source>
        <translation>{0} 户低于 {1} 元（新增 {2} 户）</translation>
    </message>
    <message>
        <source>Newly below: below the what-if line but not below the rule set&apos;s line. Of {0} households with a {1} income.</source>
        <translation>新增低于线：低于模拟线但不低于规则集监测线。共 {0} 户有 {1} 年收入记录。</translation>
    </message>
</context>
<context>
    <name>YearSlider</name>
    <message>
        <source>Years marked × have no values for the chosen measures</source>
        <translation>标 × 的年份没有所选指标的数值</translation>
    </message>
</context>
<context>
    <name>YearsGrid</name>
    <message>
        <source>The rule set has no line for this year.</source>
        <translation>规则集中没有当年的监测线。</translation>
    </message>
    <message>
        <source>verified against a public source</source>
        <translation>已对照公开来源核实</translation>
    </message>
    <message>
        <source>unverified: background knowledge, keep checking</source>
        <translation>未核实：背景知识，需继续核对</translation>
    </message>
</context>
</TS>
