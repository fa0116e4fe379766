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
        <translation>实际</translation>
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
        <translation>推算</translation>
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
        <source>Indicator</source>
        <translation>指标</translation>
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
        <translation>推算说明：</translation>
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
        <translation>一手</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>二手</translation>
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
        <translation>修改{1}“{2}”的 {0}</translation>
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
        <translation>所属记录：</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <source>DHIS2 import (dry run)</source>
        <translation>DHIS2 导入（试运行）</translation>
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
        <translation>试运行：{0}。</translation>
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
        <source>Tables (XLSX, CSV)…</source>
        <translation>表格（XLSX、CSV）…</translation>
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
    <name>MonitoringController</name>
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
        <source>SYNTHETIC households, not real data</source>
        <translation>合成数据：虚构农户，非真实数据</translation>
    </message>
    <message>
        <source>This register was generated: every household in it is invented.</source>
        <translation>此台账由程序生成：其中每一户都是虚构的。</translation>
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
    <name>RecordEditor</name>
    <message>
        <source>Nothing to edit.</source>
        <translation>没有可编辑的内容。</translation>
    </message>
    <message>
        <source>Editing {0} “{1}”</source>
        <translation>正在编辑 {0}“{1}”</translation>
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
        <source>Tick one or more series on the left to compare them.</source>
        <translation>在左侧勾选一个或多个序列进行比较。</translation>
    </message>
</context>
</TS>
