using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>A file the claimant attached: its name and a way to read it.</summary>
public sealed record ClaimUpload(string FileName, long Length, Func<Stream> Open);
