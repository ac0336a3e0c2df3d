package cli

import (
	"encoding/json"
	"fmt"
	"github.com/hegui-dev/hegui/internal/safetext"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

func newPolicyCmd() *cobra.Command {
	var format, lang string
	var dbFiles []string
	cmd := &cobra.Command{
		Use:   "policy FILE [FILE...]",
		Short: "Read a privacy policy and list what it states and what it is missing",
		Long: `Reads one privacy policy, or several documents analysed together (policy plus
第三方SDK清单), in HTML, Markdown or text, any encoding (UTF-8, GBK/GB18030, UTF-16),
and reports every structural item (operator, contact, complaint channel, dates,
withdraw consent, account cancellation, rights, minors, personalisation opt-out,
sensitive-PI consent, face, cross-border, retention, collection and sharing lists)
as found or missing with the sentence that proves it, the SDKs it names and the
personal-information categories it discloses. Sentences that deny collecting
("我们不会收集您的通讯录"), sending data abroad ("不会向境外提供") or using an SDK
("我们未接入友盟统计SDK") are never counted as disclosures: they are shown as denied,
with the sentence. Binary files (an APK, a library, an image) are refused (exit 3).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return usageErr("unknown --format %q (table or json)", format)
			}
			if lang != "zh" && lang != "en" {
				return usageErr("unknown --lang %q (zh or en)", lang)
			}
			db, err := sdkdb.Load(dbFiles...)
			if err != nil {
				return withCode(ExitUsage, err)
			}
			facts, err := policy.FromFiles(args, db)
			if err != nil {
				return inputErr(err)
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(facts)
			}
			return policyTable(out, facts, lang == "zh")
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().StringVar(&lang, "lang", "zh", "labels of the table: zh or en")
	cmd.Flags().StringArrayVar(&dbFiles, "sdkdb", nil, "extra SDK database `FILE` (YAML; repeatable)")
	return cmd
}

var itemLabels = map[string][2]string{
	policy.ItemOperator:                 {"运营者身份", "Operator identity"},
	policy.ItemContact:                  {"联系方式", "Contact"},
	policy.ItemComplaintChannel:         {"投诉举报渠道", "Complaint channel"},
	policy.ItemEffectiveDate:            {"更新/生效日期", "Effective / update date"},
	policy.ItemWithdrawConsent:          {"撤回同意", "Withdraw consent"},
	policy.ItemAccountCancellation:      {"注销账号", "Account cancellation"},
	policy.ItemRightsAccess:             {"查阅、复制、更正、转移", "Access, copy, correct, port"},
	policy.ItemRightsDeletion:           {"删除个人信息", "Deletion"},
	policy.ItemMinors:                   {"未成年人保护", "Minors"},
	policy.ItemPersonalizationOptOut:    {"关闭个性化推荐", "Personalisation opt-out"},
	policy.ItemSensitiveSeparateConsent: {"敏感个人信息单独同意", "Sensitive PI, separate consent"},
	policy.ItemFace:                     {"人脸信息", "Face information"},
	policy.ItemCrossBorder:              {"跨境传输", "Cross-border transfer"},
	policy.ItemRetention:                {"保存期限", "Retention"},
	policy.ItemCollectionList:           {"个人信息收集清单", "Collection list"},
	policy.ItemSharingList:              {"第三方共享清单", "Sharing list (SDKs)"},
}

func policyTable(w io.Writer, f *policy.Facts, zh bool) error {
	l := func(z, e string) string {
		if zh {
			return z
		}
		return e
	}
	for _, d := range f.Documents {
		fmt.Fprintf(w, "%s %s (%s, %d %s, %d %s)\n", l("文档", "Document"), d.Path, d.Encoding, d.Chars, l("字", "chars"), d.Sentences, l("句", "sentences"))
	}
	fmt.Fprintf(w, "%s: %s\n\n", l("语言", "Language"), f.Language)

	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header(l("项目", "Item"), l("结果", "Status"), l("证据", "Evidence"))
	var missing, deniedItems []string
	for _, k := range policy.ItemKeys {
		it := f.Items[k]
		label := itemLabels[k][1]
		if zh {
			label = itemLabels[k][0]
		}
		evidence := ""
		if len(it.Evidence) > 0 {
			evidence = policyShort(it.Evidence[0].Sentence, 80)
		}
		if k == policy.ItemAccountCancellation && f.AccountCancellationDays > 0 {
			unit := l("天", "days")
			if f.AccountCancellationUnit == policy.UnitWorkingDays {
				unit = l("个工作日", "working days")
			}
			if e := f.AccountCancellationEvidence; e != nil {
				evidence = policyShort(e.Sentence, 80)
			}
			evidence = fmt.Sprintf("[%d %s] %s", f.AccountCancellationDays, unit, evidence)
		}
		state := l("有", "yes")
		switch {
		case it.Found:
		case len(it.Denied) > 0: // addressed, by saying it does not happen
			state, evidence = l("明确否认", "denied"), policyShort(it.Denied[0].Sentence, 80)
			deniedItems = append(deniedItems, label)
		default:
			state = l("缺失", "MISSING")
			missing = append(missing, label)
		}
		if err := t.Append(label, state, evidence); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\n%s (%d)\n", l("提及的SDK", "SDKs named"), len(f.SDKs))
	if len(f.SDKs) > 0 {
		t = tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
		t.Header("ID", l("名称", "Name"), l("匹配文本", "Matched"), l("在清单中", "In list"), l("已说明", "Described"), l("声明收集的类别", "PI it collects, per the policy"))
		for _, s := range f.SDKs {
			in := l("否", "no")
			if s.InList {
				in = l("是", "yes")
			}
			if err := t.Append(s.ID, s.Name, s.Matched, in, policyDescribed(s.Described, zh), policyKeys(s.PICategories, 4)); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}

	if len(f.DeniedSDKs) > 0 {
		fmt.Fprintf(w, "\n%s (%d)\n", l("明确否认使用的SDK", "SDKs the policy denies using"), len(f.DeniedSDKs))
		t = tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
		t.Header("ID", l("名称", "Name"), l("证据", "Evidence"))
		for _, s := range f.DeniedSDKs {
			if err := t.Append(s.ID, s.Name, policyShort(s.Denied[0].Sentence, 80)); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}

	fmt.Fprintf(w, "\n%s (%d)\n", l("个人信息类别", "PI categories"), len(f.PICategories))
	if len(f.PICategories) > 0 {
		t = tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
		t.Header(l("类别", "Category"), l("名称", "Name"), l("披露", "Disclosed"), l("证据", "Evidence"))
		for _, c := range f.PICategories {
			state, evidence := l("已披露", "disclosed"), ""
			if len(c.Evidence) > 0 {
				evidence = policyShort(c.Evidence[0].Sentence, 60)
			} else if len(c.Denied) > 0 {
				state, evidence = l("声明不收集", "denied"), policyShort(c.Denied[0].Sentence, 60)
			} else {
				state = l("仅条件性提及", "conditional only")
			}
			name := c.Name
			if cat, ok := policy.CategoryByKey(c.Category); ok && !zh {
				name = cat.NameEN
			}
			if err := t.Append(c.Category, name, state, evidence); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	if len(deniedItems) > 0 {
		fmt.Fprintf(w, "\n%s: %s\n", l("明确否认", "Denied"), strings.Join(deniedItems, l("、", ", ")))
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "\n%s: %s\n", l("缺失项", "Missing"), strings.Join(missing, l("、", ", ")))
	}
	return nil
}

func policyDescribed(d policy.Described, zh bool) string {
	var parts []string
	add := func(ok bool, z, e string) {
		if ok {
			if zh {
				parts = append(parts, z)
			} else {
				parts = append(parts, e)
			}
		}
	}
	add(d.Vendor, "主体", "vendor")
	add(d.Purpose, "目的", "purpose")
	add(d.PITypes, "信息类型", "PI types")
	add(d.Contact, "链接", "link")
	if len(parts) == 0 {
		return "-"
	}
	if zh {
		return strings.Join(parts, "、")
	}
	return strings.Join(parts, ", ")
}

// policyKeys lists category keys, at most n, then how many more.
func policyKeys(keys []string, n int) string {
	if len(keys) == 0 {
		return "-"
	}
	if len(keys) <= n {
		return strings.Join(keys, ", ")
	}
	return fmt.Sprintf("%s +%d", strings.Join(keys[:n], ", "), len(keys)-n)
}

// policyShort cuts a policy sentence to n runes for a table cell, with control
// characters escaped: policy files can be as hostile as APKs.
func policyShort(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		s = string(r[:n]) + "…"
	}
	return safetext.Line(s)
}
