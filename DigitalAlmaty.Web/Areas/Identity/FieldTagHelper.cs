using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DigitalAlmaty.Web.Areas.Identity;

/// <summary>
/// <c>&lt;field for="Input.Email" type="email" autocomplete="email" /&gt;</c> renders one form field the
/// portal's way: a visible label, the input, an optional hint, and the localized error, with
/// aria-invalid / aria-describedby set and focus on the first field that has an error.
/// </summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>text (default), email, password, checkbox, tel.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Hint { get; set; }

    /// <summary>Re-render a password after a failed post, so a mistake elsewhere does not cost the user their typing.</summary>
    public bool KeepValue { get; set; }

    public string? Inputmode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var hasError = ViewContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;
        var describedBy = string.Join(' ', new[] { Hint is null ? null : id + "-hint", hasError ? id + "-error" : null }.Where(x => x is not null));

        var attributes = new Dictionary<string, object?>();
        if (Autocomplete is not null) attributes["autocomplete"] = Autocomplete;
        if (Inputmode is not null) attributes["inputmode"] = Inputmode;
        if (describedBy.Length > 0) attributes["aria-describedby"] = describedBy;
        if (hasError)
        {
            attributes["aria-invalid"] = "true";
            if (IsFirstError(name)) attributes["autofocus"] = "autofocus";
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "field check" : "field");

        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null, htmlAttributes: null);
        TagBuilder input = Type switch
        {
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, name, KeepValue ? For.Model : null, attributes),
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, For.Model as bool?, attributes),
            _ => generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: null, WithType(attributes, Type)),
        };

        if (Type == "checkbox")
        {
            output.Content.AppendHtml(input);
            var wrapper = new TagBuilder("div");
            wrapper.InnerHtml.AppendHtml(label);
            AppendHintAndError(wrapper.InnerHtml, id, name);
            output.Content.AppendHtml(wrapper);
            output.PostContent.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name));
            return;
        }

        output.Content.AppendHtml(label);
        output.Content.AppendHtml(input);
        AppendHintAndError(output.Content, id, name);
    }

    private void AppendHintAndError(Microsoft.AspNetCore.Html.IHtmlContentBuilder content, string id, string name)
    {
        if (Hint is not null)
        {
            var hint = new TagBuilder("span");
            hint.Attributes["id"] = id + "-hint";
            hint.AddCssClass("hint");
            hint.InnerHtml.Append(Hint);
            content.AppendHtml(hint);
        }

        var error = generator.GenerateValidationMessage(
            ViewContext, For.ModelExplorer, name, message: null, tag: "span",
            htmlAttributes: new Dictionary<string, object> { ["id"] = id + "-error", ["class"] = "field-error" });
        if (error is not null)
        {
            content.AppendHtml(error);
        }
    }

    private static Dictionary<string, object?> WithType(Dictionary<string, object?> attributes, string type) =>
        new(attributes) { ["type"] = type };

    private bool IsFirstError(string name) =>
        ViewContext.ModelState.FirstOrDefault(e => e.Value is { Errors.Count: > 0 } && e.Key.Length > 0).Key == name;
}
